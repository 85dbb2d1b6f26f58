import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/use-shell-instruction.js';
import { ruleCases } from './harness.js';

describe('use-shell-instruction', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN ln -sf /bin/bash /bin/sh\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN ln -s /a /b\n"
    ]
  });
});
