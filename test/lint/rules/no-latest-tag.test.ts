import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-latest-tag.js';
import { ruleCases } from './harness.js';

describe('no-latest-tag', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:latest\n"
    ],
    passes: [
      "FROM debian:12\n",
      "FROM debian:latest@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
    ]
  });
});
