import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/add-healthcheck.js';
import { ruleCases } from './harness.js';

describe('add-healthcheck', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCMD [\"a\"]\n"
    ],
    passes: [
      "FROM debian:12.5\nHEALTHCHECK NONE\n",
      "FROM debian:12.5\nHEALTHCHECK CMD [\"/bin/check\"]\n",
      "FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /a /a\nHEALTHCHECK NONE\n"
    ]
  });
});
