import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/set-user.js';
import { ruleCases } from './harness.js';

describe('set-user', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN echo\nCMD [\"x\"]\n"
    ],
    passes: [
      "FROM debian:12.5\nUSER 10001:10001\n",
      "FROM debian:12 AS base\nUSER 1000\nFROM base\nCMD [\"x\"]\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nCMD [\"x\"]\n",
        "FROM debian:12.5\nUSER 10001:10001\nCMD [\"x\"]\n"
      ]
    ]
  });
});
