import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/uppercase-as.js';
import { ruleCases } from './harness.js';

describe('uppercase-as', () => {
  ruleCases(rule, {
    catches: [
      "FROM debian:12 as build\n"
    ],
    passes: [
      "FROM debian:12 AS build\n",
      "from debian:12 as build\n"
    ],
    fixes: [
      [
        "FROM debian:12 as build\nRUN echo\n",
        "FROM debian:12 AS build\nRUN echo\n"
      ]
    ]
  });
});
