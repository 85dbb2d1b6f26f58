import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-port-22.js';
import { ruleCases } from './harness.js';

describe('no-port-22', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nEXPOSE 22\n"
    ],
    passes: [
      "FROM debian:12.5\nEXPOSE 8080\n"
    ]
  });
});
