import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/tag-image-version.js';
import { ruleCases } from './harness.js';

describe('tag-image-version', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian\n"
    ],
    passes: [
      "FROM debian:12\n",
      "FROM scratch\n",
      "FROM debian:12 AS base\nFROM base\n",
      "FROM debian@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
    ]
  });
});
