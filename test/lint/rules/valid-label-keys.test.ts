import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/valid-label-keys.js';
import { ruleCases } from './harness.js';

describe('valid-label-keys', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nLABEL Invalid=x\n",
      "FROM debian:12.5\nLABEL com.docker.x=y\n"
    ],
    passes: [
      "FROM debian:12.5\nLABEL org.opencontainers.image.title=x\n"
    ]
  });
});
