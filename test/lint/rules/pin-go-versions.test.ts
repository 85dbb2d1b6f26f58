import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-go-versions.js';
import { ruleCases } from './harness.js';

describe('pin-go-versions', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12.5\nRUN go install example.com/tool@latest\n"
    ],
    passes: [
      "FROM debian:12.5\nRUN go install example.com/tool@v1.2.3\n",
      "FROM debian:12.5\nRUN go install ./cmd/app\n"
    ]
  });
});
