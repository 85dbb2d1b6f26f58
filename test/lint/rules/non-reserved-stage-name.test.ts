import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/non-reserved-stage-name.js';
import { ruleCases } from './harness.js';

describe('non-reserved-stage-name', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12 AS scratch\n"
    ],
    passes: [
      "FROM debian:12 AS build\n"
    ]
  });
});
