import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/zypper-clean.js';
import { ruleCases } from './harness.js';

describe('zypper-clean', () => {
  ruleCases(rule, {
    catches: [
      "FROM opensuse/leap:15\nRUN zypper install -y curl=8\n"
    ],
    passes: [
      "FROM opensuse/leap:15\nRUN zypper install -y curl=8 && zypper clean\n"
    ]
  });
});
