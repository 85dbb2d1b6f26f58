import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-pip-versions.js';
import { ruleCases } from './harness.js';

describe('pin-pip-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN pip install --no-cache-dir flask\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN pip install --no-cache-dir flask==3.0.0\n",
      "FROM debian:12.5\nRUN pip install --no-cache-dir -r requirements.txt\n"
    ]
  });
});
