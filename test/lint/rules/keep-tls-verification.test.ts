import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/keep-tls-verification.js';
import { ruleCases } from './harness.js';

describe('keep-tls-verification', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN curl -k https://x -o y\n",
      "FROM debian:12.5\nRUN wget --no-check-certificate https://x\n",
      "FROM debian:12.5\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n",
      "FROM debian:12.5\nRUN pip install --trusted-host pypi.org flask==3\n",
      "FROM debian:12.5\nRUN npm config set strict-ssl false\n",
      "FROM debian:12.5\nRUN GIT_SSL_NO_VERIFY=1 git clone https://x\n",
      "FROM debian:12.5\nRUN git config --global http.sslVerify false\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN curl -fsSL https://x -o y\n",
      "FROM debian:12.5\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n"
    ]
  });
});
