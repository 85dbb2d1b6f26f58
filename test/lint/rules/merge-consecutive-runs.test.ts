import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/merge-consecutive-runs.js';
import { ruleCases } from './harness.js';

describe('merge-consecutive-runs', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN a\nRUN b\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN a && b\n",
      "FROM debian:12.5\nRUN a\nCOPY x /x\nRUN b\n"
    ]
  });
});
