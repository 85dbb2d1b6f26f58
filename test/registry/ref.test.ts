import { describe, expect, it } from 'vitest';
import { applyMirror, formatImageRef, ImageRefError, isLoopback, parseImageRef } from '../../src/registry/ref.js';

describe('parseImageRef', () => {
  it.each([
    ['node:22', { registry: 'docker.io', repository: 'library/node', tag: '22', digest: null }],
    ['docker.io/library/node:22', { registry: 'docker.io', repository: 'library/node', tag: '22', digest: null }],
    ['index.docker.io/bitnami/redis', { registry: 'docker.io', repository: 'bitnami/redis', tag: null, digest: null }],
    ['gcr.io/distroless/static-debian12:nonroot', { registry: 'gcr.io', repository: 'distroless/static-debian12', tag: 'nonroot', digest: null }],
    ['127.0.0.1:5000/app:1.0', { registry: '127.0.0.1:5000', repository: 'app', tag: '1.0', digest: null }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: null, digest: null }],
    [`node:22@sha256:${'b'.repeat(64)}`, { registry: 'docker.io', repository: 'library/node', tag: '22', digest: `sha256:${'b'.repeat(64)}` }],
    [`cgr.dev/chainguard/static@sha256:${'c'.repeat(64)}`, { registry: 'cgr.dev', repository: 'chainguard/static', tag: null, digest: `sha256:${'c'.repeat(64)}` }],
  ])('%s', (ref, expected) => {
    expect(parseImageRef(ref)).toEqual(expected);
  });

  it.each(['', 'Node:22', 'node:', 'node@sha256:123', 'a//b', 'node:ta g'])('rejects %j', (ref) => {
    expect(() => parseImageRef(ref)).toThrow(ImageRefError);
  });

  it('formats back the full reference', () => {
    expect(formatImageRef(parseImageRef('node:22'))).toBe('docker.io/library/node:22');
  });
});

describe('applyMirror', () => {
  it('maps host/path:tag to R/path:tag', () => {
    expect(formatImageRef(applyMirror(parseImageRef('docker.io/library/node:22.21.1-bookworm-slim'), '127.0.0.1:5000'))).toBe('127.0.0.1:5000/library/node:22.21.1-bookworm-slim');
    expect(formatImageRef(applyMirror(parseImageRef('gcr.io/distroless/static-debian12:nonroot'), '127.0.0.1:5000'))).toBe('127.0.0.1:5000/distroless/static-debian12:nonroot');
    expect(formatImageRef(applyMirror(parseImageRef('node:22'), 'mirror.example.com/hub'))).toBe('mirror.example.com/hub/library/node:22');
  });
});

describe('isLoopback', () => {
  it('knows loopback hosts only', () => {
    expect(['127.0.0.1:5000', 'localhost:5000', '127.1.2.3', '[::1]:5000'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['127.example.com', 'gcr.io', '10.0.0.1:5000'].map(isLoopback)).toEqual([false, false, false]);
  });
});
