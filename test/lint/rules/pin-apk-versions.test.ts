import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-apk-versions.js';
import { ruleCases } from './harness.js';

describe('pin-apk-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM alpine:3.20\nRUN apk add --no-cache curl\n"
    ],
    passes: [
      "FROM alpine:3.20\nRUN apk add --no-cache curl=8.5.0-r0\n",
      "FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps curl~8\n"
    ]
  });
});
