import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-dnf-versions.js';
import { ruleCases } from './harness.js';

describe('pin-dnf-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n"
    ],
    passes: [
      "FROM fedora:40\nRUN dnf install -y httpd-2.4 && dnf clean all\n"
    ]
  });
});
