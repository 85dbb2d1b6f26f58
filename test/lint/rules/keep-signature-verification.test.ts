import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/keep-signature-verification.js';
import { ruleCases } from './harness.js';

describe('keep-signature-verification', () => {
  ruleCases(rule, {
    catches: [
      "FROM alpine:3.20\nRUN apk add --allow-untrusted x.apk\n",
      "FROM debian:12.5\nRUN apt-get install -y --allow-unauthenticated x\n",
      "FROM fedora:40\nRUN dnf install -y --nogpgcheck x\n",
      "FROM fedora:40\nRUN rpm -i --nosignature x.rpm\n"
    ],
    passes: [
      "FROM alpine:3.20\nRUN apk add --no-cache x\n"
    ]
  });
});
