import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/absolute-workdir.js';
import { ruleCases } from './harness.js';

describe('absolute-workdir', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nWORKDIR app\n"
    ],
    passes: [
      "FROM debian:12.5\nWORKDIR /app\n",
      "FROM debian:12.5\nWORKDIR $HOME\n"
    ]
  });
});
