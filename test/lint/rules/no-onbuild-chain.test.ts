import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-onbuild-chain.js';
import { ruleCases } from './harness.js';

describe('no-onbuild-chain', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nONBUILD ONBUILD RUN x\n",
      "FROM debian:12.5\nONBUILD FROM debian\n"
    ],
    passes: [
      "FROM debian:12.5\nONBUILD RUN x\n"
    ]
  });
});
