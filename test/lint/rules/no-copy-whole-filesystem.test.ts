import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-copy-whole-filesystem.js';
import { ruleCases } from './harness.js';

describe('no-copy-whole-filesystem', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12 AS build\nFROM scratch\nCOPY --from=build / /\n"
    ],
    passes: [
      "FROM debian:12 AS build\nFROM scratch\nCOPY --from=build /app /app\n"
    ]
  });
});
