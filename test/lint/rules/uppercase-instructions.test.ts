import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/uppercase-instructions.js';
import { ruleCases } from './harness.js';

describe('uppercase-instructions', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nrun echo\nRUN echo\nRUN echo\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN echo\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nRUN a\nrun b\n",
        "FROM debian:12.5\nRUN a\nRUN b\n"
      ]
    ]
  });
});
