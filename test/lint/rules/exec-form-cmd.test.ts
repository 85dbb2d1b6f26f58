import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/exec-form-cmd.js';
import { ruleCases } from './harness.js';

describe('exec-form-cmd', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCMD node server.js\n",
      "FROM debian:12.5\nENTRYPOINT /entry.sh\n",
      "FROM debian:12.5\nHEALTHCHECK CMD curl -f http://localhost/\n"
    ],
    passes: [
      "FROM debian:12.5\nCMD [\"node\", \"server.js\"]\n",
      "FROM debian:12.5\nHEALTHCHECK NONE\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nCMD node server.js\n",
        "FROM debian:12.5\nCMD [\"node\", \"server.js\"]\n"
      ]
    ]
  });
});
