import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-sudo.js';
import { ruleCases } from './harness.js';

describe('no-sudo', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN sudo apt-get update\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN echo sudo\n"
    ]
  });
});
