import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/numeric-user.js';
import { ruleCases } from './harness.js';

describe('numeric-user', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nUSER node\n"
    ],
    passes: [
      "FROM debian:12.5\nUSER 10001:10001\n",
      "FROM debian:12.5\nUSER ${UID}\n"
    ]
  });
});
