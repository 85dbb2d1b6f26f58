import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-gem-versions.js';
import { ruleCases } from './harness.js';

describe('pin-gem-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN gem install rails\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN gem install rails:7.1.0\n",
      "FROM debian:12.5\nRUN gem install rails -v 7.1.0\n"
    ]
  });
});
