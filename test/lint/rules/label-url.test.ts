import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/label-url.js';
import { ruleCases } from './harness.js';

describe('label-url', () => {
  ruleCases(rule, {
    config: {
      labelSchema: {
        "org.opencontainers.image.source": "url"
      }
    },
    catches: [
      "FROM debian:12.5\nLABEL org.opencontainers.image.source=not-a-url\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL org.opencontainers.image.source=https://github.com/a/b\n"
    ]
  });
});
