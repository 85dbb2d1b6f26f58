import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/use-one-downloader.js';
import { ruleCases } from './harness.js';

describe('use-one-downloader', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN curl -O https://a\nRUN wget https://b\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN curl -O https://a\n"
    ]
  });
});
