import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/clean-apt-lists.js';
import { ruleCases } from './harness.js';

describe('clean-apt-lists', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
      "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\n",
      "FROM debian:12.5\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl\n",
        "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n"
      ]
    ]
  });
});
