import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/copy-dest-slash.js';
import { ruleCases } from './harness.js';

describe('copy-dest-slash', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCOPY a b /app\n"
    ],
    passes: [
      "FROM debian:12.5\nCOPY a b /app/\n",
      "FROM debian:12.5\nCOPY a /app\n"
    ]
  });
});
