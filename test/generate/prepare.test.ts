import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplates, packageRoot, prepareGeneration, readAppContext, workspaceRootOf } from '../../src/generate/prepare.js';
import { repoRoot } from '../helpers/paths.js';
import { appsDir, fixtureAnswers } from './helpers.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'harden-init-prepare-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copy(name: string): string {
  const dir = path.join(work, `${name}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(path.join(appsDir, name), dir, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json)$/.test(src) });
  return dir;
}

const dockerfileOf = (result: Awaited<ReturnType<typeof prepareGeneration>>) => result.files.find((file) => file.path === 'Dockerfile')!.content;

describe('prepareGeneration (file system and registry adapter)', () => {
  it('finds the built-in templates at the package root', async () => {
    expect(packageRoot()).toBe(repoRoot);
    const templates = await loadTemplates(path.join(repoRoot, 'templates'));
    expect(Object.keys(templates)).toEqual(expect.arrayContaining(['node/Dockerfile.eta', 'python/Dockerfile.eta', '_partials/final.eta']));
  });

  it('lists app files without dependency folders and reads .gitignore and package scripts', async () => {
    const dir = copy('node-express');
    mkdirSync(path.join(dir, 'node_modules/left-pad'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/left-pad/index.js'), '');
    const context = await readAppContext(dir);
    expect(context.repoFiles).toContain('src/server.js');
    expect(context.repoFiles.some((file) => file.startsWith('node_modules/'))).toBe(false);
    expect(context.gitignore).toContain('node_modules/');
    expect(context.appMetadata?.scripts?.start).toBe('node src/server.js');
  });

  it('a pnpm workspace app is generated from the workspace root: all its files, the app metadata, the root packageManager', async () => {
    const root = copy('node-pnpm-workspace');
    const appDir = path.join(root, 'apps/api');
    expect(workspaceRootOf(appDir, 'apps/api')).toBe(root);
    expect(workspaceRootOf(appDir, '.')).toBeNull();
    expect(workspaceRootOf(path.join(root, 'packages/prices'), 'apps/api')).toBeNull();
    expect(workspaceRootOf(path.join(copy('node-express'), 'src'), 'src')).toBeNull();
    const context = await readAppContext(root, [], 'apps/api');
    expect(context.workspaceApp).toBe('apps/api');
    expect(context.repoFiles).toEqual(expect.arrayContaining(['pnpm-lock.yaml', 'apps/api/src/server.js', 'packages/prices/index.js']));
    expect(context.appMetadata).toMatchObject({ name: 'api', packageManager: 'pnpm@10.34.8', scripts: { start: 'node src/server.js' } });
    const result = await prepareGeneration(appDir, fixtureAnswers('node-pnpm-workspace'), { pin: false });
    expect(result.files.map((file) => file.path)).toContain('Dockerfile.dockerignore');
    expect(dockerfileOf(result)).toContain('pnpm install --frozen-lockfile --offline --filter ./apps/api... --prod');
  });

  it('--no-pin: no registry request, tags kept with a comment above each FROM', async () => {
    let warned = 0;
    const result = await prepareGeneration(copy('python-stdlib'), fixtureAnswers('python-stdlib'), { pin: false, onWarning: () => warned++ });
    expect(warned).toBe(0);
    expect(dockerfileOf(result)).toMatch(/# Tag only \(--no-pin\).*\nFROM docker\.io\/library\/python:3\.13\.9-slim-trixie AS build/);
  });

  it('offline: warns once, keeps the tags, still generates', async () => {
    const warnings: string[] = [];
    const result = await prepareGeneration(copy('go-http'), fixtureAnswers('go-http'), { registry: '127.0.0.1:9', timeoutMs: 1000, onWarning: (message) => warnings.push(message) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/could not pin 2 base image/);
    expect(dockerfileOf(result)).toContain('FROM 127.0.0.1:9/library/golang:1.19.13-bookworm AS build');
    expect(dockerfileOf(result)).toContain('# Tag only: the registry was unreachable.');
  });

  it('fills a missing security.expires with one year minus a day, and saves it for replay', async () => {
    const answers = fixtureAnswers('go-http');
    const { expires: _drop, ...security } = answers.security;
    const result = await prepareGeneration(copy('go-http'), { ...answers, security }, { pin: false, now: new Date('2025-03-10T08:00:00Z') });
    expect(result.files.find((file) => file.path === '.well-known/security.txt')!.content).toContain('Expires: 2026-03-09T00:00:00Z\n');
    expect(JSON.parse(result.files.find((file) => file.path === '.harden-init.json')!.content).security.expires).toBe('2026-03-09T00:00:00Z');
  });

  it('--template-dir replaces built-in templates file by file', async () => {
    const custom = path.join(work, 'team-templates');
    mkdirSync(path.join(custom, '_partials'), { recursive: true });
    writeFileSync(path.join(custom, '_partials', 'header.eta'), '# Built the ACME way for <%= it.title %>.\n');
    const result = await prepareGeneration(copy('node-express'), fixtureAnswers('node-express'), { pin: false, templateDir: custom });
    const dockerfile = dockerfileOf(result);
    expect(dockerfile.startsWith('# Built the ACME way for node-express-demo.\n')).toBe(true);
    expect(dockerfile).toContain('USER 10001:10001');
  });
});
