import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/define-variables.js';
import { ruleCases } from './harness.js';

describe('define-variables', () => {
  ruleCases(rule, {
    catches: [
      "ARG VERSION=1\nFROM debian:12\nLABEL version=$VERSION\n"
    ],
    passes: [
      "ARG VERSION=1\nFROM debian:12\nARG VERSION\nLABEL version=$VERSION\n",
      "FROM debian:12.5\nENV PATH=/opt/bin:$PATH\n"
    ]
  });
});
