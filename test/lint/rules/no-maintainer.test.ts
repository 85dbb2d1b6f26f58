import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/no-maintainer.js';
import { ruleCases } from './harness.js';

describe('no-maintainer', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nMAINTAINER me <me@example.com>\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL org.opencontainers.image.authors=me\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nMAINTAINER Jane Doe\n",
        "FROM debian:12.5\nLABEL org.opencontainers.image.authors=\"Jane Doe\"\n"
      ]
    ]
  });
});
