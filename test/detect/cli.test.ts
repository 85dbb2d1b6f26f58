import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

const fixture = (name: string) => path.join(fixturesDir, 'detect', name);
// The SPEC's keys, plus healthcheck (the health route the code defines) after port.
const SPEC_KEYS = ['language', 'packageManager', 'version', 'framework', 'build', 'start', 'install', 'port', 'healthcheck', 'workspace', 'apps', 'evidence', 'warnings'];

// Runs the built CLI: `npm run build` first.
describe('harden-init detect', () => {
  it('--json prints exactly the SPEC shape, plus the health route', async () => {
    const { exitCode, stdout, stderr } = await runCli(['detect', fixture('express-api'), '--json']);
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(SPEC_KEYS);
    // runCli runs on 2026-12-04: engines >=20 gives the newest supported LTS, never the ended 20.
    expect(result).toMatchObject({ language: 'node', packageManager: 'npm', version: '24', framework: 'express', build: 'npm run build', start: 'node src/server.js', install: 'npm ci', port: 8080, healthcheck: '/health', workspace: false, apps: [], warnings: [] });
    expect(result.evidence).toContainEqual({ file: 'package.json', fact: 'engines.node >=20 -> 24 (newest supported LTS line the range allows)' });
    expect(result.evidence).toContainEqual({ file: 'src/server.js', line: 4, fact: "health route app.get('/health')" });
  });

  it('prints a readable summary with evidence on a terminal', async () => {
    const { exitCode, stdout } = await runCli(['detect'], { cwd: fixture('express-api') });
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^Detected\n {2}language {8}node\n/);
    expect(stdout).toContain('  start           node src/server.js');
    expect(stdout).toContain('Evidence');
    expect(stdout).toContain('  - src/server.js: PORT defaults to 8080');
    expect(stdout).toContain('  health check    /health\n');
    expect(stdout).toContain("  - src/server.js:4: health route app.get('/health')");
    expect(stdout).not.toContain('\u001b[');
  });

  it('lists workspace apps, and --app describes one of them', async () => {
    const all = JSON.parse((await runCli(['detect', fixture('monorepo'), '--json'])).stdout);
    expect(all.workspace).toBe(true);
    expect(all.apps.map((a: { path: string }) => a.path)).toEqual(['apps/api', 'apps/web']);
    const api = JSON.parse((await runCli(['detect', fixture('monorepo'), '--json', '--app', 'apps/api'])).stdout);
    expect(api).toMatchObject({ packageManager: 'pnpm', version: '22', framework: 'fastify', start: 'node server.js', port: 4000, install: 'pnpm install --frozen-lockfile' });
  });

  it('an unknown --app exits 2 with one line naming the apps', async () => {
    const { exitCode, stderr } = await runCli(['detect', fixture('monorepo'), '--app', 'apps/nope']);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('harden-init: no app at apps/nope (--app): use one of: apps/api, apps/web');
  });

  it('a malformed package.json is a warning with file and line, not a crash', async () => {
    const { exitCode, stdout } = await runCli(['detect', fixture('malformed'), '--json']);
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.language).toBe('node');
    expect(result.warnings).toContainEqual(expect.stringMatching(/^package\.json:5: not valid JSON/));
  });

  it('a missing directory exits 2 with one line', async () => {
    const { exitCode, stderr } = await runCli(['detect', 'no-such-dir'], { cwd: fixturesDir });
    expect(exitCode).toBe(2);
    expect(stderr.trim()).toBe('harden-init: no such directory (no-such-dir): pass the folder of the app to detect');
  });

  it('an ended pin is kept and warned about with its date; the day comes from SOURCE_DATE_EPOCH', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hi-detect-eol-'));
    try {
      await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'old', scripts: { start: 'node server.js' } }));
      await writeFile(path.join(dir, '.nvmrc'), '18\n');
      const result = JSON.parse((await runCli(['detect', dir, '--json'])).stdout);
      expect(result.version).toBe('18');
      expect(result.warnings).toEqual(['.nvmrc pins Node.js 18 reached end of life on 2025-04-30; 24 is supported until 2028-04-30 (pass --runtime-version 24, or raise the pin)']);
      await writeFile(path.join(dir, '.nvmrc'), '20\n');
      const before = JSON.parse((await runCli(['detect', dir, '--json'], { env: { SOURCE_DATE_EPOCH: String(Date.parse('2026-04-29T00:00:00Z') / 1000) } })).stdout);
      expect(before.warnings).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
