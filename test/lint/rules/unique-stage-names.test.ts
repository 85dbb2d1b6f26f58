import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/unique-stage-names.js';
import { ruleCases } from './harness.js';

describe('unique-stage-names', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12 AS a\nFROM debian:12 AS a\n"
    ],
    passes: [
      "FROM debian:12 AS a\nFROM debian:12 AS b\n"
    ]
  });
});
