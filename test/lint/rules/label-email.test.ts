import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/label-email.js';
import { ruleCases } from './harness.js';

describe('label-email', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "contact": "email"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL contact=nobody\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL contact=security@example.com\n"
    ]
  });
});
