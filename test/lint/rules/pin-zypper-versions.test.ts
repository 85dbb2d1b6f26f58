import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-zypper-versions.js';
import { ruleCases } from './harness.js';

describe('pin-zypper-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM opensuse/leap:15\nRUN zypper install -y curl && zypper clean\n"
    ],
    passes: [
      "FROM opensuse/leap:15\nRUN zypper install -y curl=8.0 && zypper clean\n"
    ]
  });
});
