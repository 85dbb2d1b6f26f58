import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-empty-continuation.js';
import { ruleCases } from './harness.js';

describe('no-empty-continuation', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN echo a \\\n\n  && echo b\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN echo a \\\n  && echo b\n"
    ]
  });
});
