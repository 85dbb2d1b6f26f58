import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/use-apt-get.js';
import { ruleCases } from './harness.js';

describe('use-apt-get', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN apt install -y curl\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN apt-get install -y curl\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nRUN apt update\n",
        "FROM debian:12.5\nRUN apt-get update\n"
      ]
    ]
  });
});
