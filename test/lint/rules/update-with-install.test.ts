import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/update-with-install.js';
import { ruleCases } from './harness.js';

describe('update-with-install', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN apt-get update\nRUN apt-get install -y curl\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl\n"
    ]
  });
});
