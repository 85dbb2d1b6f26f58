import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/workdir-not-cd.js';
import { ruleCases } from './harness.js';

describe('workdir-not-cd', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN cd /app && make\n"
    ],
    passes: [
      "FROM debian:12.5\nWORKDIR /app\nRUN make\n"
    ]
  });
});
