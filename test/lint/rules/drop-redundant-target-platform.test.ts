import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/drop-redundant-target-platform.js';
import { ruleCases } from './harness.js';

describe('drop-redundant-target-platform', () => {
  ruleCases(rule, {
    catches: [
      "FROM --platform=$TARGETPLATFORM debian:12\n"
    ],
    passes: [
      "FROM --platform=$BUILDPLATFORM debian:12\n"
    ]
  });
});
