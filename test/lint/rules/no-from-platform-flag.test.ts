import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-from-platform-flag.js';
import { ruleCases } from './harness.js';

describe('no-from-platform-flag', () => {
  ruleCases(rule, {
    catches: [
      "FROM --platform=linux/amd64 debian:12\n"
    ],
    passes: [
      "FROM --platform=$BUILDPLATFORM debian:12\n",
      "FROM debian:12\n"
    ]
  });
});
