import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNodeApp } from '../e2e/fixture.js';
import { TmuxSession, exitCodeIn, wizardBusy } from '../e2e/tmux.js';
import { repoRoot } from '../helpers/paths.js';
import { describeWith } from '../helpers/requirements.js';

// The published tarball, run the way users run it: `npx <tarball>` in an empty folder.
const dirs: string[] = [];
let packDir = '';
let tarball = '';
let files: string[] = [];
const npmEnv = () => ({ npm_config_cache: path.join(packDir, 'npm-cache'), npm_config_update_notifier: 'false' });

beforeAll(async () => {
  packDir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-pack-'));
  dirs.push(packDir);
  // --ignore-scripts: prepack would rebuild dist/ while other test files run the CLI from it; `npm test` has just built it.
  const packed = await execa('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: repoRoot });
  const [result] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(packDir, path.basename(result.filename));
  files = result.files.map((file) => file.path);
}, 120_000);

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('npm package', () => {
  it('packs templates and the bundle, no dev-only paths, and runs with npx in an empty folder', async () => {
    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-npx-'));
    dirs.push(emptyDir);
    expect(files).toContain('bin/harden-init.js');
    expect(files).toContain('dist/cli.js');
    expect(files.some((p) => p.startsWith('templates/'))).toBe(true);
    expect(files.filter((p) => /^(src|test|bench|scripts|\.ci)\//.test(p))).toEqual([]);

    // A relative path, as in the README (`npx ./harden-init-*.tgz`): npx runs an absolute path as a program.
    const run = await execa('npx', ['--yes', path.relative(emptyDir, tarball), '--help'], { cwd: emptyDir, reject: false, env: { ...npmEnv(), NO_COLOR: '1' } });
    expect(run.stderr).not.toMatch(/Error|at .*\.js:\d+/);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: harden-init');
    expect(run.stdout).toMatch(/^  lint /m);
    expect(await readdir(emptyDir)).toEqual([]);
  }, 300_000);
});

describeWith(TmuxSession.available() ? null : 'no tmux on PATH', 'npm package: the wizard (Ink and React bundled) in a terminal', () => {
  it('runs Enter-only to the end from an npx install', async () => {
    const dir = await makeNodeApp();
    dirs.push(dir);
    const env = { ...npmEnv(), SOURCE_DATE_EPOCH: '1742034030', GIT_CONFIG_GLOBAL: '/dev/null', TERM: 'xterm-256color', CI: 'false' };
    const session = TmuxSession.start(`npx --yes ${path.relative(dir, tarball)} --no-pin`, dir, env);
    try {
      const screen = await session.enterUntil((s) => exitCodeIn(s) !== null, { busy: wizardBusy, timeoutMs: 240_000 });
      expect(screen).toMatch(/^\$ harden-init lint Dockerfile$/m);
      expect(exitCodeIn(screen)).toBe(0);
      expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toContain('USER 10001:10001');
    } finally {
      session.kill();
    }
  }, 300_000);
});
