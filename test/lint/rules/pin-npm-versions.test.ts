import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-npm-versions.js';
import { ruleCases } from './harness.js';

describe('pin-npm-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN npm install -g typescript\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN npm install -g typescript@5.4.0\n",
      "FROM debian:12.5\nRUN npm ci\n",
      "FROM debian:12.5\nRUN npm install\n"
    ]
  });
});
