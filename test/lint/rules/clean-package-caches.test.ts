import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/clean-package-caches.js';
import { ruleCases } from './harness.js';

describe('clean-package-caches', () => {
  ruleCases(rule, {
    catches: [
      "FROM node:22.1.0\nRUN npm ci\n"
    ],
    passes: [
      "FROM node:22.1.0\nRUN npm ci && npm cache clean --force\n",
      "FROM node:22.1.0\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
      "FROM node:22.1.0 AS build\nRUN npm ci\nFROM scratch\n"
    ]
  });
});
