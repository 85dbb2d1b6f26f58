import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/lowercase-stage-name.js';
import { ruleCases } from './harness.js';

describe('lowercase-stage-name', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12 AS Build\n"
    ],
    passes: [
      "FROM debian:12 AS build\n"
    ]
  });
});
