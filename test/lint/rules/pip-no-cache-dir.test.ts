import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pip-no-cache-dir.js';
import { ruleCases } from './harness.js';

describe('pip-no-cache-dir', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN pip install -r requirements.txt\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN pip install --no-cache-dir -r requirements.txt\n",
      "FROM debian:12.5\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r r.txt\n",
      "FROM debian:12.5\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r r.txt\n"
    ],
    fixes: [
      [
        "FROM debian:12.5\nRUN pip install -r r.txt\n",
        "FROM debian:12.5\nRUN pip install --no-cache-dir -r r.txt\n"
      ]
    ]
  });
});
