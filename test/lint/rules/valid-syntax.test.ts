import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/valid-syntax.js';
import { ruleCases } from './harness.js';

describe('valid-syntax', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nFOO bar\n",
      "FROM debian:12.5\nRUN\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN echo hi\n",
      "FROM debian:12.5\nrun echo hi\n"
    ]
  });
});
