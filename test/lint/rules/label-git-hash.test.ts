import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/label-git-hash.js';
import { ruleCases } from './harness.js';

describe('label-git-hash', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "revision": "hash"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL revision=main\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL revision=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
    ]
  });
});
