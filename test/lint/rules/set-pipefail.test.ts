import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/set-pipefail.js';
import { ruleCases } from './harness.js';

describe('set-pipefail', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN curl -fsSL https://x | sh\n"
    ],
    passes: [
      "FROM debian:12.5\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://x | sh\n",
      "FROM debian:12.5\nRUN set -o pipefail && curl -fsSL https://x | sh\n",
      "FROM debian:12.5\nRUN echo \"a|b\"\n"
    ]
  });
});
