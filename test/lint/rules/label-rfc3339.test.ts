import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/label-rfc3339.js';
import { ruleCases } from './harness.js';

describe('label-rfc3339', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "created": "rfc3339"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL created=yesterday\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL created=2024-05-01T12:00:00Z\n",
      "FROM debian:12.5\nLABEL created=$created\n"
    ]
  });
});
