import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/add-securitytxt-label.js';
import { ruleCases } from './harness.js';

describe('add-securitytxt-label', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN x\n",
      "FROM debian:12.5\nLABEL securitytxt=http://example.com/security.txt\n",
      "FROM debian:12.5\nLABEL security.contact=\"security@example.com\"\n",
      "FROM debian:12.5\nLABEL security.contact=\"mailto:security@example.com\" securitytxt=\"https://example.com/\"\n",
      "FROM debian:12.5\nLABEL org.opencontainers.image.authors=\"Jane <jane@example.com>\"\n",
      "FROM debian:12.5 AS build\nLABEL security.contact=\"mailto:security@example.com\"\nFROM debian:12.5\nRUN x\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL securitytxt=\"https://example.com/.well-known/security.txt\"\n",
      "FROM debian:12.5\nLABEL security.contact=\"mailto:security@example.com\"\n",
      "FROM debian:12.5\nLABEL security.contact=\"https://example.com/report\"\n",
      "FROM debian:12.5\nARG CONTACT\nLABEL security.contact=\"${CONTACT}\"\n"
    ]
  });
});
