import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/copy-from-known-stage.js';
import { ruleCases } from './harness.js';

describe('copy-from-known-stage', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nCOPY --from=buidl /a /a\n"
    ],
    passes: [
      "FROM debian:12 AS build\nFROM debian:12\nCOPY --from=build /a /a\n",
      "FROM debian:12.5\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"
    ]
  });
});
