import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-copied-secret-files.js';
import { ruleCases } from './harness.js';

describe('no-copied-secret-files', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCOPY .env /app/.env\n",
      "FROM debian:12.5\nCOPY id_rsa /root/.ssh/id_rsa\n",
      "FROM debian:12.5\nCOPY .npmrc /root/\n"
    ],
    passes: [
      "FROM debian:12.5\nCOPY package.json /app/\n",
      "FROM debian:12.5\nCOPY --from=certs /etc/ssl/certs/ca.pem /etc/ssl/\n"
    ]
  });
});
