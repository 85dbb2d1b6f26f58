import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

// The built CLI runs `lint` from dist/lint-<hash>.cjs through V8's code cache (src/lint/bundle.ts).
// Everything the command does must work from that bundle as it does from the modules.

const root = mkdtempSync(path.join(tmpdir(), 'harden-init-lint-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DOCKERFILE = 'FROM node:18-bullseye-slim\nENV API_TOKEN=abc\nADD . /app\nRUN apt-get update && apt-get install -y curl\nCMD node /app/server.js\n';

function project(files: Record<string, string>): { cwd: string; cache: string } {
  const cwd = mkdtempSync(path.join(root, 'app-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    writeFileSync(path.join(cwd, name), text);
  }
  return { cwd, cache: path.join(cwd, '.xdg-cache') };
}

/** The bundle's own line under --debug: how V8 took the code cache. */
const cacheState = (stderr: string) => /^lint: code cache (\w+)/m.exec(stderr)?.[1];

describe('harden-init lint from its code-cached bundle (built CLI)', () => {
  it('dist holds one lint bundle, named by the hash of its content', () => {
    const bundles = readdirSync(path.join(repoRoot, 'dist')).filter((name) => /^lint-.*\.cjs$/.test(name));
    expect(bundles).toHaveLength(1);
    const content = readFileSync(path.join(repoRoot, 'dist', bundles[0]));
    expect(bundles[0]).toBe(`lint-${createHash('sha256').update(content).digest('hex').slice(0, 12)}.cjs`);
    expect(content.toString('utf8')).not.toMatch(/\bimport\(\s*["'`]/);
  });

  it('writes the cache on the first run, uses it on the next, and prints the same report as without one', async () => {
    const { cwd, cache } = project({ Dockerfile: DOCKERFILE });
    const env = { XDG_CACHE_HOME: cache };
    const first = await runCli(['lint', '--debug', '--format', 'json'], { cwd, env });
    expect(cacheState(first.stderr)).toBe('none');
    const files = readdirSync(path.join(cache, 'harden-init'));
    expect(files).toEqual([expect.stringMatching(new RegExp(`^lint-[0-9a-f]{12}\\.cjs-${process.version.replace(/\./g, '\\.')}-${process.platform}-${process.arch}\\.v8cache$`))]);
    const second = await runCli(['lint', '--debug', '--format', 'json'], { cwd, env });
    expect(cacheState(second.stderr)).toBe('used');
    const off = await runCli(['lint', '--debug', '--format', 'json'], { cwd, env: { XDG_CACHE_HOME: '', HOME: '', USERPROFILE: '' } });
    expect(cacheState(off.stderr)).toBe('off');
    expect(first.exitCode).toBe(1);
    expect(second).toMatchObject({ exitCode: 1, stdout: first.stdout });
    expect(off).toMatchObject({ exitCode: 1, stdout: first.stdout });
    const codes = (JSON.parse(first.stdout) as Array<{ code: string }>).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['HI113', 'HI401']));
  });

  it('a damaged cache file is passed over and written again', async () => {
    const { cwd, cache } = project({ Dockerfile: DOCKERFILE });
    const env = { XDG_CACHE_HOME: cache };
    const good = await runCli(['lint'], { cwd, env });
    const [name] = readdirSync(path.join(cache, 'harden-init'));
    writeFileSync(path.join(cache, 'harden-init', name), 'garbage');
    const damaged = await runCli(['lint', '--debug'], { cwd, env });
    expect(cacheState(damaged.stderr)).toBe('rejected');
    expect(damaged.stdout).toBe(good.stdout);
    expect(cacheState((await runCli(['lint', '--debug'], { cwd, env })).stderr)).toBe('used');
  });

  it('a first run that fails early still leaves a cache that holds the linter (a cache V8 takes is never written again)', async () => {
    const { cwd, cache } = project({ Dockerfile: DOCKERFILE });
    const failed = await runCli(['lint', 'missing/Dockerfile'], { cwd, env: { XDG_CACHE_HOME: path.join(cache, 'failed') } });
    expect(failed.exitCode).toBe(2);
    const linted = await runCli(['lint', 'Dockerfile'], { cwd, env: { XDG_CACHE_HOME: path.join(cache, 'linted') } });
    expect(linted.exitCode).toBe(1);
    const size = (home: string) => {
      const folder = path.join(cache, home, 'harden-init');
      return statSync(path.join(folder, readdirSync(folder)[0])).size;
    };
    // Without compiling the linter first, the failed run's cache was two thirds the size of a linting run's.
    expect(size('failed')).toBeGreaterThan(0.95 * size('linted'));
  });

  it('bad input is still one line naming the file and the fix, exit 2, with no stack', async () => {
    const { cwd, cache } = project({});
    const result = await runCli(['lint', 'missing/Dockerfile'], { cwd, env: { XDG_CACHE_HOME: cache } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^harden-init: .*missing\/Dockerfile/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('what it loads on demand works from the bundle: a YAML config, SARIF, --fix with its backup and diff', async () => {
    const { cwd, cache } = project({ Dockerfile: DOCKERFILE, '.hadolint.yaml': 'ignored:\n  - DL3020\n' });
    const env = { XDG_CACHE_HOME: cache };
    const json = await runCli(['lint', '--format', 'json'], { cwd, env });
    expect((JSON.parse(json.stdout) as Array<{ code: string }>).map((f) => f.code)).not.toContain('HI401');
    const sarif = await runCli(['lint', '--format', 'sarif'], { cwd, env });
    expect(JSON.parse(sarif.stdout).version).toBe('2.1.0');
    const fixed = await runCli(['lint', '--fix'], { cwd, env });
    expect(fixed.stdout).toMatch(/^[-+]/m);
    const backup = /fixed \d+ findings? in Dockerfile \(backup: ([^)]+)\)/.exec(fixed.stdout)?.[1];
    expect(backup).toBeDefined();
    expect(readFileSync(path.join(cwd, backup!), 'utf8')).toBe(DOCKERFILE);
    expect(readFileSync(path.join(cwd, 'Dockerfile'), 'utf8')).not.toBe(DOCKERFILE);
  });

  it('worker threads load the same bundle: 2 threads print what 1 does', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`s${i}/Dockerfile`] = i % 2 ? DOCKERFILE : `FROM debian:12.5\nRUN echo ${i}\n`;
    const { cwd, cache } = project(files);
    const targets = Object.keys(files);
    const env = { XDG_CACHE_HOME: cache };
    const one = await runCli(['lint', '--format', 'json', '--jobs', '1', ...targets], { cwd, env });
    const two = await runCli(['lint', '--debug', '--format', 'json', '--jobs', '2', ...targets], { cwd, env });
    expect(two.stderr).toContain(`lint: ${targets.length} files on 2 threads, `);
    expect(two).toMatchObject({ exitCode: one.exitCode, stdout: one.stdout });
    expect(existsSync(path.join(cache, 'harden-init'))).toBe(true);
  });
});
