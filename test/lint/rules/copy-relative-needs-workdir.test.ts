import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/copy-relative-needs-workdir.js';
import { ruleCases } from './harness.js';

describe('copy-relative-needs-workdir', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCOPY app.js app.js\n"
    ],
    passes: [
      "FROM debian:12.5\nWORKDIR /app\nCOPY app.js app.js\n",
      "FROM debian:12.5\nCOPY app.js /app/app.js\n"
    ]
  });
});
