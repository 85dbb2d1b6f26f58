import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/use-trusted-registry.js';
import { ruleCases } from './harness.js';

describe('use-trusted-registry', () => {
  ruleCases(rule, {
    config: {
      trustedRegistries: [
        "docker.io"
      ]
    },
    catches: [
      "FROM quay.io/org/img:1\n"
    ],
    passes: [
      "FROM debian:12\n",
      "FROM docker.io/library/debian:12\n"
    ]
  });
});
