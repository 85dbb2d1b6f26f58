import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/dnf-clean-all.js';
import { ruleCases } from './harness.js';

describe('dnf-clean-all', () => {
  ruleCases(rule, {
    catches: [
      "FROM fedora:40\nRUN dnf install -y httpd-2.4\n",
      "FROM fedora:40\nRUN dnf clean all && dnf install -y httpd-2.4\n"
    ],
    passes: [
      "FROM fedora:40\nRUN dnf install -y httpd-2.4 && dnf clean all\n"
    ]
  });
});
