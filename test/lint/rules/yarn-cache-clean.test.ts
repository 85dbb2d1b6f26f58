import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/yarn-cache-clean.js';
import { ruleCases } from './harness.js';

describe('yarn-cache-clean', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN yarn install\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN yarn install && yarn cache clean\n",
      "FROM node:22 AS build\nRUN yarn install\nFROM scratch\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nRUN yarn install\n",
        "FROM debian:12.5\nRUN yarn install \\\n    && yarn cache clean\n"
      ]
    ]
  });
});
