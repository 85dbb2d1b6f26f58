import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/add-securitytxt-label.js';
import { ruleCases } from './harness.js';

describe('add-securitytxt-label', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN x\n",
      "FROM debian:12.5\nLABEL securitytxt=http://example.com/security.txt\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL securitytxt=\"https://example.com/.well-known/security.txt\"\n"
    ]
  });
});
