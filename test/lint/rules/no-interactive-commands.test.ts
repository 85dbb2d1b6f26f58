import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-interactive-commands.js';
import { ruleCases } from './harness.js';

describe('no-interactive-commands', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN service nginx start\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN nginx -t\n"
    ]
  });
});
