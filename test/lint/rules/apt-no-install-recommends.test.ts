import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/apt-no-install-recommends.js';
import { ruleCases } from './harness.js';

describe('apt-no-install-recommends', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN apt-get install -y curl\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN apt-get install -y --no-install-recommends curl\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nRUN apt-get install -y curl=8.0\n",
        "FROM debian:12.5\nRUN apt-get install --no-install-recommends -y curl=8.0\n"
      ]
    ]
  });
});
