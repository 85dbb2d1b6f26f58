import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/apt-get-yes.js';
import { ruleCases } from './harness.js';

describe('apt-get-yes', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN apt-get install curl\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN apt-get install -y curl\n",
      "FROM debian:12.5\nRUN apt-get -qq install curl\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nRUN apt-get install --no-install-recommends curl=8.0\n",
        "FROM debian:12.5\nRUN apt-get install -y --no-install-recommends curl=8.0\n"
      ]
    ]
  });
});
