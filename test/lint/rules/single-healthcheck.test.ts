import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/single-healthcheck.js';
import { ruleCases } from './harness.js';

describe('single-healthcheck', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nHEALTHCHECK NONE\nHEALTHCHECK NONE\n"
    ],
    passes: [
      "FROM debian:12.5\nHEALTHCHECK NONE\n"
    ]
  });
});
