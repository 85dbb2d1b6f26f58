import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/label-spdx.js';
import { ruleCases } from './harness.js';

describe('label-spdx', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "licenses": "spdx"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL licenses=MyLicense\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL licenses=\"MIT OR Apache-2.0\"\n"
    ]
  });
});
