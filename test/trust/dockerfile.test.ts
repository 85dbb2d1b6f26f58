import { describe, expect, it } from 'vitest';
import { fromLines } from '../../src/trust/dockerfile.js';
import { BUILT_IN_TRUST, findTrustEntry, parseTrustEntries } from '../../src/trust/policy.js';
import { parseImageRef } from '../../src/registry/ref.js';
import { upstreamOf } from '../../src/trust/check.js';

describe('fromLines', () => {
  it('finds every FROM with its line, stage and kind, substituting ARG defaults', () => {
    const text = [
      '# syntax comment',
      'ARG NODE=22.21.1',
      'ARG BASE="gcr.io/distroless/nodejs22-debian12:nonroot"',
      'FROM --platform=$BUILDPLATFORM node:${NODE}-bookworm-slim AS build',
      'RUN echo hi \\',
      '  && echo there',
      'FROM build AS test',
      'FROM \\',
      '  scratch AS empty',
      'FROM $BASE',
      'FROM ${MISSING}',
    ].join('\n');
    expect(fromLines(text)).toEqual([
      { line: 4, image: 'node:22.21.1-bookworm-slim', stage: 'build', kind: 'image' },
      { line: 7, image: 'build', stage: 'test', kind: 'stage' },
      { line: 8, image: 'scratch', stage: 'empty', kind: 'scratch' },
      { line: 10, image: 'gcr.io/distroless/nodejs22-debian12:nonroot', stage: null, kind: 'image' },
      { line: 11, image: '${MISSING}', stage: null, kind: 'unresolved' },
    ]);
  });
});

describe('trust table', () => {
  const find = (ref: string) => findTrustEntry(parseImageRef(ref), BUILT_IN_TRUST);

  it('knows distroless and Chainguard as keyless publishers and Docker Official Images as pin-only', () => {
    expect(find('gcr.io/distroless/static-debian12:nonroot')).toMatchObject({ check: 'keyless', identity: 'keyless@distroless.iam.gserviceaccount.com', issuer: 'https://accounts.google.com' });
    expect(find('cgr.dev/chainguard/static:latest')).toMatchObject({ check: 'keyless', issuer: 'https://token.actions.githubusercontent.com' });
    expect(find('node:22')).toMatchObject({ check: 'digest-pin', publisher: 'Docker Official Images' });
    expect(find('bitnami/redis:7')).toBeNull();
    expect(find('gcr.io/distroless-evil/static:1')).toBeNull();
  });

  it('validates user entries and names the bad field', () => {
    expect(parseTrustEntries([{ pattern: 'ghcr.io/acme/*', key: 'keys/acme.pub' }])).toMatchObject({ ok: true, entries: [{ check: 'key' }] });
    expect(parseTrustEntries([{ pattern: 'ghcr.io/acme/*', identity: 'x' }])).toEqual({ ok: false, field: 'trust[0]', message: 'a keyless entry needs "identity" (or "identityRegexp") and "issuer"' });
    expect(parseTrustEntries([{ key: 'k.pub' }])).toMatchObject({ ok: false, field: 'trust[0].pattern' });
  });

  it('maps mirror names back to the upstream image', () => {
    const back = (ref: string, mirror: string) => {
      const up = upstreamOf(parseImageRef(ref), mirror);
      return `${up.registry}/${up.repository}`;
    };
    expect(back('127.0.0.1:5000/distroless/static-debian13:nonroot', '127.0.0.1:5000')).toBe('gcr.io/distroless/static-debian13');
    expect(back('127.0.0.1:5000/library/node:22', '127.0.0.1:5000')).toBe('docker.io/library/node');
    expect(back('127.0.0.1:5000/acme/app:1', '127.0.0.1:5000')).toBe('127.0.0.1:5000/acme/app');
    expect(back('gcr.io/distroless/static-debian12:nonroot', '127.0.0.1:5000')).toBe('gcr.io/distroless/static-debian12');
  });
});
