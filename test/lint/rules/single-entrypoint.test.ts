import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/single-entrypoint.js';
import { ruleCases } from './harness.js';

describe('single-entrypoint', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n"
    ],
    passes: [
      "FROM debian:12.5\nENTRYPOINT [\"a\"]\n"
    ]
  });
});
