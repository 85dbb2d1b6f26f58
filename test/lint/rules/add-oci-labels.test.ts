import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/add-oci-labels.js';
import { ruleCases } from './harness.js';

describe('add-oci-labels', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nLABEL org.opencontainers.image.title=x\n"
    ],
    passes: [
      "FROM debian:12.5\nARG created\nARG revision\nLABEL org.opencontainers.image.title=x org.opencontainers.image.created=$created org.opencontainers.image.revision=$revision\n"
    ]
  });
});
