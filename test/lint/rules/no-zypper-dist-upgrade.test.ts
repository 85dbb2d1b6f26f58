import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-zypper-dist-upgrade.js';
import { ruleCases } from './harness.js';

describe('no-zypper-dist-upgrade', () => {
  ruleCases(rule, {
    catches: [
      "FROM opensuse/leap:15\nRUN zypper dup -y\n"
    ],
    passes: [
      "FROM opensuse/leap:15\nRUN zypper up -y\n"
    ]
  });
});
