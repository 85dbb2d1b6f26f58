import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/wget-progress.js';
import { ruleCases } from './harness.js';

describe('wget-progress', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN wget https://a\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN wget -q https://a\n",
      "FROM debian:12.5\nRUN wget --progress=dot:giga https://a\n"
    ]
  });
});
