import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/declare-args-before-from.js';
import { ruleCases } from './harness.js';

describe('declare-args-before-from', () => {
  ruleCases(rule, {
    catches: [
      "FROM node:${NODE}\n"
    ],
    passes: [
      "ARG NODE=22\nFROM node:${NODE}\n",
      "FROM --platform=$BUILDPLATFORM node:22\n"
    ]
  });
});
