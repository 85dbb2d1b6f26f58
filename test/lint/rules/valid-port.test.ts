import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/valid-port.js';
import { ruleCases } from './harness.js';

describe('valid-port', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nEXPOSE 70000\n"
    ],
    passes: [
      "FROM debian:12.5\nEXPOSE 8080/tcp\n",
      "FROM debian:12.5\nEXPOSE ${PORT}\n"
    ]
  });
});
