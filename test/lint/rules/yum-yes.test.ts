import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/yum-yes.js';
import { ruleCases } from './harness.js';

describe('yum-yes', () => {
  ruleCases(rule, {
    catches: [
      "FROM rockylinux:9\nRUN yum install httpd-2.4 && yum clean all\n"
    ],
    passes: [
      "FROM rockylinux:9\nRUN yum install -y httpd-2.4 && yum clean all\n"
    ]
  });
});
