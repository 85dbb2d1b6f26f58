import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/key-value-format.js';
import { ruleCases } from './harness.js';

describe('key-value-format', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nENV NODE_ENV production\n",
      "FROM debian:12.5\nLABEL maintainer me\n"
    ],
    passes: [
      "FROM debian:12.5\nENV NODE_ENV=production\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nENV NODE_ENV production\n",
        "FROM debian:12.5\nENV NODE_ENV=production\n"
      ],
      [
        "FROM debian:12.5\nENV MSG hello world\n",
        "FROM debian:12.5\nENV MSG=\"hello world\"\n"
      ]
    ]
  });
});
