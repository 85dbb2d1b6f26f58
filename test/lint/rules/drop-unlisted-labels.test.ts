import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/drop-unlisted-labels.js';
import { ruleCases } from './harness.js';

describe('drop-unlisted-labels', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "owner": "text"
      },
      strictLabels: true
    },
    catches: [
      "FROM debian:12.5\nLABEL owner=a other=b\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL owner=a\n"
    ]
  });
});
