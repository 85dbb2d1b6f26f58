import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/start-with-from.js';
import { ruleCases } from './harness.js';

describe('start-with-from', () => {
  ruleCases(rule, {
    catches: [
      "RUN echo\nFROM debian:12\n"
    ],
    passes: [
      "ARG V=1\nFROM debian:12\n"
    ]
  });
});
