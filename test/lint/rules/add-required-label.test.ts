import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/add-required-label.js';
import { ruleCases } from './harness.js';

describe('add-required-label', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "owner": "text"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL other=x\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL owner=team\n"
    ]
  });
});
