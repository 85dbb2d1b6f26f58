import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

// The published tarball, run the way users run it: `npx <tarball>` in an empty folder.
describe('npm package', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('packs templates and the bundle, no dev-only paths, and runs with npx in an empty folder', async () => {
    const packDir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-pack-'));
    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-npx-'));
    dirs.push(packDir, emptyDir);

    // --ignore-scripts: prepack would rebuild dist/ while other test files run the CLI from it; `npm test` has just built it.
    const packed = await execa('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: repoRoot });
    const [{ filename, files }] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const paths = files.map((file) => file.path);
    expect(paths).toContain('bin/harden-init.js');
    expect(paths).toContain('dist/cli.js');
    expect(paths.some((p) => p.startsWith('templates/'))).toBe(true);
    expect(paths.filter((p) => /^(src|test|bench|scripts|\.ci)\//.test(p))).toEqual([]);

    // A relative path, as in the README (`npx ./harden-init-*.tgz`): npx runs an absolute path as a program.
    const tarball = path.relative(emptyDir, path.join(packDir, path.basename(filename)));
    const run = await execa('npx', ['--yes', tarball, '--help'], {
      cwd: emptyDir,
      reject: false,
      env: { npm_config_cache: path.join(packDir, 'npm-cache'), npm_config_update_notifier: 'false', NO_COLOR: '1' },
    });
    expect(run.stderr).not.toMatch(/Error|at .*\.js:\d+/);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: harden-init');
    expect(run.stdout).toMatch(/^  lint /m);
    expect(await readdir(emptyDir)).toEqual([]);
  }, 300_000);
});
