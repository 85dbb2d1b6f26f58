import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-yum-versions.js';
import { ruleCases } from './harness.js';

describe('pin-yum-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n"
    ],
    passes: [
      "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n"
    ]
  });
});
