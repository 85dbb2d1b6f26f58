import { describe } from 'vitest';
import { rule } from '../../../src/lint/rules/pin-base-image-digest.js';
import { ruleCases } from './harness.js';

describe('pin-base-image-digest', () => {
  ruleCases(rule, {
    catches: [
      "FROM node:22.1.0-bookworm-slim\n"
    ],
    passes: [
      "FROM node:22.1.0@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n",
      "FROM scratch\n",
      "FROM node:22@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb AS b\nFROM b\n"
    ]
  });
});
