import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/copy-from-other-stage.js';
import { ruleCases } from './harness.js';

describe('copy-from-other-stage', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12 AS app\nCOPY --from=app /a /b\n"
    ],
    passes: [
      "FROM debian:12 AS build\nFROM debian:12 AS app\nCOPY --from=build /a /b\n"
    ]
  });
});
