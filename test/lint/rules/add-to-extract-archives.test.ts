import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/add-to-extract-archives.js';
import { ruleCases } from './harness.js';

describe('add-to-extract-archives', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCOPY app.tar /tmp/\nRUN tar -xf /tmp/app.tar\n"
    ],
    passes: [
      "FROM debian:12.5\nCOPY app.tar /tmp/\n"
    ]
  });
});
