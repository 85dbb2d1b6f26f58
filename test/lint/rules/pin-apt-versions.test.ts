import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-apt-versions.js';
import { ruleCases } from './harness.js';

describe('pin-apt-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN apt-get install -y curl\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN apt-get install -y curl=8.0.1-1\n",
      "FROM debian:12.5\nRUN apt-get install -y ./pkg.deb\n"
    ]
  });
});
