import { describe, expect, it } from 'vitest';
import { chooseRuntimeVersion, endOfLife, imageNames, newestRecommended, rangeAllows, toSemverRange } from '../../src/eol/index.js';
import { imageVersions } from '../../src/generate/base.js';

const TODAY = new Date('2026-12-04T00:00:00Z');
const node = { today: TODAY, available: imageVersions('node') };

describe('choosing a runtime version for a range', () => {
  it('engines ">=20" on 2026-12-04 picks 24, never 20', () => {
    const chosen = chooseRuntimeVersion('node', '>=20', node);
    expect(chosen.version).toBe('24');
    expect(chosen.note).toBe('>=20 -> 24 (newest supported LTS line the range allows)');
    expect(chosen.endOfLife).toBeNull();
  });

  it('takes only lines that are LTS on that day, with a base image', () => {
    // Node 24 became LTS on 2025-10-28: before that, 22 is the newest LTS.
    expect(chooseRuntimeVersion('node', '>=20', { ...node, today: '2025-06-01' }).version).toBe('22');
    // Node 26 is LTS since 2026-10-28, but the base table has no image for it.
    expect(chooseRuntimeVersion('node', '>=20', { today: TODAY }).version).toBe('26');
    expect(chooseRuntimeVersion('node', '^20 || ^22', node).version).toBe('22');
  });

  it('keeps a range that allows no supported line at its lowest version, with the end of life', () => {
    const chosen = chooseRuntimeVersion('node', '20.x', node);
    expect(chosen.version).toBe('20');
    expect(chosen.endOfLife?.message).toBe('Node.js 20 reached end of life on 2026-04-30; 24 is supported until 2028-04-30');
  });

  it('keeps an exact pin as pinned and says when its line ended and what to move to', () => {
    const chosen = chooseRuntimeVersion('node', '18', node);
    expect(chosen.version).toBe('18');
    expect(chosen.endOfLife).toMatchObject({ eol: '2025-04-30', replacement: { cycle: '24' } });
    expect(chosen.endOfLife?.message).toContain('Node.js 18 reached end of life on 2025-04-30');
    expect(chooseRuntimeVersion('node', '22.11.0', node).endOfLife).toBeNull();
  });

  it('offers the nearest supported line that has six months left', () => {
    // On 2026-06-01 Node 22 still has eleven months: it is the next line after 18.
    expect(endOfLife('node', '18', { today: '2026-06-01', available: ['20', '22', '24'] })?.replacement?.cycle).toBe('22');
    // On 2026-12-04 it has five: 24 is offered.
    expect(endOfLife('node', '18', { today: TODAY, available: ['20', '22', '24'] })?.replacement?.cycle).toBe('24');
  });

  it('reads the ranges of Python, Ruby, Composer and Go manifests', () => {
    const py = { today: TODAY, available: imageVersions('python') };
    expect(chooseRuntimeVersion('python', '>=3.9,<3.13', py).version).toBe('3.12');
    expect(chooseRuntimeVersion('python', '~=3.11', py).version).toBe('3.13');
    expect(chooseRuntimeVersion('python', '==3.11.*', py).version).toBe('3.11');
    expect(chooseRuntimeVersion('python', '>=3.11,!=3.13.*', py).version).toBe('3.12');
    expect(chooseRuntimeVersion('ruby', '~> 3.3.0', { today: TODAY, available: imageVersions('ruby') }).version).toBe('3.3');
    expect(chooseRuntimeVersion('php', '~8.2', { today: TODAY, available: imageVersions('php'), dialect: 'composer' }).version).toBe('8.4');
    expect(chooseRuntimeVersion('php', '^8.2|^8.3', { today: TODAY, available: imageVersions('php'), dialect: 'composer' }).version).toBe('8.4');
    expect(chooseRuntimeVersion('go', '>=1.22', { today: TODAY, available: imageVersions('go') }).version).toBe('1.27');
  });

  it('defaults to the newest supported (LTS) line with a base image', () => {
    expect(newestRecommended('node', node)?.cycle).toBe('24');
    expect(newestRecommended('python', { today: TODAY, available: imageVersions('python') })?.cycle).toBe('3.13');
    expect(newestRecommended('dotnet', { today: TODAY, available: imageVersions('dotnet') })?.cycle).toBe('10.0');
    expect(newestRecommended('java', { today: TODAY, available: imageVersions('java') })?.cycle).toBe('21');
  });
});

describe('ranges', () => {
  it.each([
    ['>=20', '>=20'],
    ['~> 3.2', '>=3.2.0 <4.0.0-0'],
    ['~> 3.2.1', '>=3.2.1 <3.3.0-0'],
    ['~=3.11', '>=3.11.0 <4.0.0-0'],
    ['>= 3.8, < 4', '>=3.8 <4'],
    ['==3.11.*', '3.11'],
    ['3.11.*', '3.11.x'],
    ['^8.2|^8.3', '^8.2 || ^8.3'],
  ])('%s reads as %s', (raw, range) => {
    expect(toSemverRange(raw)).toBe(range);
  });

  it('allows a line when some version of it satisfies the range', () => {
    expect(rangeAllows('>=20', '22')).toBe(true);
    expect(rangeAllows('>=20.5', '20')).toBe(true);
    expect(rangeAllows('<20', '22')).toBe(false);
    expect(rangeAllows('~8.2', '8.4', 'composer')).toBe(true);
    expect(rangeAllows('~8.2', '8.4', 'npm')).toBe(false);
    expect(rangeAllows('not a range', '22')).toBe(false);
  });
});

describe('image references', () => {
  it.each([
    ['node:18-slim', { product: 'node', version: '18' }, null],
    ['node:22.21.1-bookworm-slim@sha256:abc', { product: 'node', version: '22.21.1' }, { product: 'debian', version: '12' }],
    ['python:3.8', { product: 'python', version: '3.8' }, null],
    ['docker.io/library/debian:11', null, { product: 'debian', version: '11' }],
    ['debian:bullseye-slim', null, { product: 'debian', version: '11' }],
    ['alpine:3.18', null, { product: 'alpine', version: '3.18' }],
    ['node:20-alpine3.18', { product: 'node', version: '20' }, { product: 'alpine', version: '3.18' }],
    ['gcr.io/distroless/nodejs18-debian11:nonroot', { product: 'node', version: '18' }, { product: 'debian', version: '11' }],
    ['gcr.io/distroless/static-debian13', null, { product: 'debian', version: '13' }],
    ['ubuntu:jammy', null, { product: 'ubuntu', version: '22.04' }],
    ['eclipse-temurin:17.0.16_8-jre-noble', { product: 'java', version: '17.0.16' }, { product: 'ubuntu', version: '24.04' }],
    ['maven:3.9.11-eclipse-temurin-17', { product: 'java', version: '17' }, null],
    ['mcr.microsoft.com/dotnet/sdk:8.0.416-noble', { product: 'dotnet', version: '8.0' }, { product: 'ubuntu', version: '24.04' }],
    ['denoland/deno:distroless-2.5.6', { product: 'deno', version: '2.5.6' }, null],
    ['golang:1.19.13-bookworm', { product: 'go', version: '1.19.13' }, { product: 'debian', version: '12' }],
    ['node', null, null],
    ['myorg/app:1.2', null, null],
  ])('%s', (ref, runtime, os) => {
    expect(imageNames(ref)).toEqual({ runtime, os });
  });
});
