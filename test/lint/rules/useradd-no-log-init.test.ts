import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/useradd-no-log-init.js';
import { ruleCases } from './harness.js';

describe('useradd-no-log-init', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN useradd -u 123456 app\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN useradd -l -u 123456 app\n",
      "FROM debian:12.5\nRUN useradd -u 1000 app\n"
    ]
  });
});
