import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/env-self-reference.js';
import { ruleCases } from './harness.js';

describe('env-self-reference', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nENV A=1 B=$A\n"
    ],
    passes: [
      "FROM debian:12.5\nENV A=1\nENV B=$A\n"
    ]
  });
});
