import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-apt-dist-upgrade.js';
import { ruleCases } from './harness.js';

describe('no-apt-dist-upgrade', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN apt-get dist-upgrade -y\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN apt-get upgrade -y\n"
    ]
  });
});
