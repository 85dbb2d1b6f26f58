import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/single-cmd.js';
import { ruleCases } from './harness.js';

describe('single-cmd', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCMD [\"a\"]\nCMD [\"b\"]\n"
    ],
    passes: [
      "FROM debian:12.5\nCMD [\"a\"]\n",
      "FROM debian:12 AS a\nCMD [\"a\"]\nFROM debian:12\nCMD [\"b\"]\n"
    ]
  });
});
