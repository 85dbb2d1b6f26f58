import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-secrets-in-arg-env.js';
import { ruleCases } from './harness.js';

describe('no-secrets-in-arg-env', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nARG NPM_TOKEN\n",
      "FROM debian:12.5\nENV DB_PASSWORD=hunter2\n",
      "FROM debian:12.5\nARG AWS_SECRET_ACCESS_KEY\n"
    ],
    passes: [
      "FROM debian:12.5\nARG NODE_VERSION=22\n",
      "FROM debian:12.5\nENV PASSWORD_FILE=/run/secrets/db\n",
      "FROM debian:12.5\nENV GPG_KEY=ABCDEF\n"
    ]
  });
});
