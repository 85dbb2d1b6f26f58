import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/yum-clean-all.js';
import { ruleCases } from './harness.js';

describe('yum-clean-all', () => {
  ruleCases(rule, {
    catches: [
      "FROM rockylinux:9\nRUN yum install -y httpd-2.4\n"
    ],
    passes: [
      "FROM rockylinux:9\nRUN yum install -y httpd-2.4 && yum clean all\n"
    ],
    fixes: [
      [
        "FROM rockylinux:9\nRUN yum install -y httpd-2.4\n",
        "FROM rockylinux:9\nRUN yum install -y httpd-2.4 \\\n    && yum clean all\n"
      ]
    ]
  });
});
