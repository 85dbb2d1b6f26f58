import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/non-root-final-user.js';
import { ruleCases } from './harness.js';

describe('non-root-final-user', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nUSER root\n",
      "FROM debian:12.5\nUSER 0:0\n"
    ],
    passes: [
      "FROM debian:12.5\nUSER root\nRUN x\nUSER 10001\n"
    ]
  });
});
