import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/fill-empty-label.js';
import { ruleCases } from './harness.js';

describe('fill-empty-label', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "owner": "text"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL owner=\"\"\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL owner=team\n"
    ]
  });
});
