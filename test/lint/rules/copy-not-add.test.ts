import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/copy-not-add.js';
import { ruleCases } from './harness.js';

describe('copy-not-add', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nADD app.js /app/\n"
    ],
    passes: [
      "FROM debian:12.5\nADD https://example.com/x.tgz /tmp/\n",
      "FROM debian:12.5\nADD rootfs.tar.gz /\n",
      "FROM debian:12.5\nCOPY app.js /app/\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nADD app.js /app/\n",
        "FROM debian:12.5\nCOPY app.js /app/\n"
      ]
    ]
  });
});
