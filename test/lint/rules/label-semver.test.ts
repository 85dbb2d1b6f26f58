import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/label-semver.js';
import { ruleCases } from './harness.js';

describe('label-semver', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "version": "semver"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL version=one\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL version=1.2.3\n"
    ]
  });
});
