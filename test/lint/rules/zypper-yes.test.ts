import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/zypper-yes.js';
import { ruleCases } from './harness.js';

describe('zypper-yes', () => {
  ruleCases(rule, {
    catches: [
      "FROM opensuse/leap:15\nRUN zypper install curl=8 && zypper clean\n"
    ],
    passes: [
      "FROM opensuse/leap:15\nRUN zypper install -y curl=8 && zypper clean\n"
    ]
  });
});
