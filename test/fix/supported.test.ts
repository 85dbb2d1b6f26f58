import { describe, expect, it } from 'vitest';
import { fixableLintCodes, fixLintCodes } from '../../src/fix/lint-bridge.js';
import { planFixes } from '../../src/fix/planner.js';
import { supportedReference } from '../../src/fix/supported.js';
import type { FixInputs } from '../../src/fix/types.js';
import { lintDockerfile } from '../../src/lint/index.js';

const TODAY = '2026-12-04';
const day = new Date(`${TODAY}T00:00:00Z`);
const lint = (text: string, file = 'Dockerfile') => lintDockerfile(text, { file, today: day });

describe('the supported reference for an ended base', () => {
  it.each([
    ['node:18-slim', 'node:24-slim'],
    ['node:18.20.4-bullseye-slim', 'node:24-trixie-slim'],
    ['python:3.8', 'python:3.11'],
    ['debian:11', 'debian:13'],
    ['debian:bullseye-slim', 'debian:trixie-slim'],
    ['alpine:3.18', 'alpine:3.23'],
    ['node:22-alpine3.18', 'node:22-alpine3.23'],
    ['gcr.io/distroless/nodejs18-debian11:nonroot', 'gcr.io/distroless/nodejs24-debian13:nonroot'],
    ['gcr.io/distroless/static-debian12@sha256:abc', 'gcr.io/distroless/static-debian13'],
    ['maven:3.9-eclipse-temurin-8', null],
    ['golang:1.19-bookworm', 'golang:1.26-trixie'],
  ])('%s -> %s', (written, next) => {
    expect(supportedReference(written, TODAY)?.next ?? null).toBe(next);
  });

  it('takes the newest tag of the new line the registry has, and offers nothing the registry lacks', () => {
    const tags = ['18.20.4-bookworm-slim', '24.11.0-trixie-slim', '24.11.1-trixie-slim', '24.11.1-bookworm-slim', '24-trixie'];
    expect(supportedReference('node:18.20.4-bookworm-slim', TODAY, tags)?.next).toBe('node:24.11.1-trixie-slim');
    expect(supportedReference('node:18.20.4-bookworm-slim', TODAY, ['18.20.4-bookworm-slim'])).toBeNull();
  });

  it('leaves supported bases alone', () => {
    expect(supportedReference('node:24.11.1-trixie-slim', TODAY)).toBeNull();
    expect(supportedReference('myorg/app:1.0', TODAY)).toBeNull();
  });
});

describe('fix offers the bump of an ended final base', () => {
  const dockerfile = ['FROM node:18-bookworm-slim AS build', 'RUN npm ci', '', 'FROM node:18-bookworm-slim', 'COPY --from=build /app /app', 'USER 10001:10001', 'CMD ["node", "server.js"]', ''].join('\n');
  const inputs = (text: string): FixInputs => ({
    dockerfile: 'Dockerfile',
    files: { Dockerfile: text },
    lintFindings: lint(text),
    fixableCodes: fixableLintCodes(),
    fixLint: (t, codes) => fixLintCodes(t, codes, undefined, day),
    lint,
    scanRecords: [],
    bases: [],
    today: day,
  });

  it('moves every stage on the ended base to the supported lines, and promises the HI113 findings it removes', () => {
    const action = planFixes(inputs(dockerfile)).find((a) => a.kind === 'base-supported');
    expect(action).toBeDefined();
    expect(action!.safe).toBe(false);
    expect(action!.title).toBe('Move node:18-bookworm-slim to node:24-trixie-slim (Node.js 18 -> 24, Debian 12 -> 13)');
    expect(action!.why).toContain('Node.js 18 reached end of life on 2025-04-30');
    const after = action!.apply({ Dockerfile: dockerfile }).Dockerfile;
    expect(after.split('\n').filter((l) => l.startsWith('FROM'))).toEqual(['FROM node:24-trixie-slim AS build', 'FROM node:24-trixie-slim']);
    expect(lint(after).filter((f) => f.code === 'HI113')).toEqual([]);
    expect(action!.removes).toHaveLength(lint(dockerfile).filter((f) => f.code === 'HI113').length);
    expect(action!.effect).toBe('removes 2 lint findings (HI113)');
  });

  it('offers nothing for a supported base', () => {
    expect(planFixes(inputs(dockerfile.replaceAll('node:18-bookworm-slim', 'node:24-trixie-slim'))).filter((a) => a.kind === 'base-supported')).toEqual([]);
  });
});
