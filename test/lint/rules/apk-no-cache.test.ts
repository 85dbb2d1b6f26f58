import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/apk-no-cache.js';
import { ruleCases } from './harness.js';

describe('apk-no-cache', () => {
  ruleCases(rule, {
    catches: [
      "FROM alpine:3.20\nRUN apk add curl\n"
    ],
    passes: [
      "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
      "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n"
    ],
    fixes: [
      [
        "FROM alpine:3.20\nRUN apk add curl=8.0\n",
        "FROM alpine:3.20\nRUN apk add --no-cache curl=8.0\n"
      ]
    ]
  });
});
