import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-inline-ignore-pragmas.js';
import { ruleCases } from './harness.js';

describe('no-inline-ignore-pragmas', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\n# hadolint ignore=DL3008\nRUN apt-get install -y x\n"
    ],
    passes: [
      "FROM debian:12.5\n# a comment\nRUN echo\n"
    ]
  });
});
