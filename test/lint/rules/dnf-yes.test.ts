import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/dnf-yes.js';
import { ruleCases } from './harness.js';

describe('dnf-yes', () => {
  ruleCases(rule, {
    catches: [
      "FROM fedora:40\nRUN dnf install httpd-2.4 && dnf clean all\n"
    ],
    passes: [
      "FROM fedora:40\nRUN dnf install -y httpd-2.4 && dnf clean all\n"
    ]
  });
});
