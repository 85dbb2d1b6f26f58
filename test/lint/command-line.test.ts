import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../docker/run-main.js';
import { execa } from 'execa';
import { NO_CA_ENV } from '../helpers/ca.js';
import { runCli, TEST_DAY } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

// `harden-init lint ...` is parsed inside the lint bundle by a program that knows lint alone
// (src/lint/bundle-entry.ts); any other command line goes through the full program. Both must
// answer every lint command line alike: the built CLI takes the bundle's way, the CLI run from
// source (runMain) the full one.

const dir = mkdtempSync(path.join(tmpdir(), 'harden-init-lint-argv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12.5\nADD app.js /app/app.js\nRUN apt-get update && apt-get install -y curl\nCMD node /app/app.js\n');
writeFileSync(path.join(dir, 'clean.Dockerfile'), 'FROM scratch\nCOPY --chown=10001:10001 app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n');

const CASES: string[][] = [
  ['lint'],
  ['lint', 'Dockerfile', 'clean.Dockerfile'],
  ['lint', '--format', 'json', 'Dockerfile'],
  ['lint', '-f', 'sarif', '--failure-threshold', 'none', 'Dockerfile'],
  ['lint', '--no-color', '--ignore', 'DL3020', 'Dockerfile'],
  ['lint', '--help'],
  ['lint', '-h'],
  ['lint', '--bogus'],
  ['lint', '--formt', 'json'],
  ['lint', '--format', 'xml', 'Dockerfile'],
  ['lint', '--failure-threshold', 'fatal'],
  ['lint', '--ignore', 'NOPE1234'],
  ['lint', '--jobs', '0', 'Dockerfile'],
  ['lint', '--fix', '-'],
  ['lint', 'missing/Dockerfile'],
  ['lint', '--version'],
  ['lint', '--config', 'nope.yaml'],
];

const norm = (result: { exitCode: number; stdout: string; stderr: string }) => ({
  exitCode: result.exitCode,
  stdout: result.stdout.trimEnd(),
  stderr: result.stderr.trimEnd(),
});

describe('lint command lines: the bundle\'s own program answers as the full one does', () => {
  it.each(CASES.map((argv) => [argv.join(' '), argv]))('harden-init %s', async (_name, argv) => {
    const bundled = norm(await runCli(argv as string[], { cwd: dir }));
    const full = norm(await runMain(argv as string[], { cwd: dir }));
    expect(bundled).toEqual(full);
  });

  it('--debug before the command takes the full program and lints the same', async () => {
    const before = await runCli(['--debug', 'lint', '--format', 'json', 'Dockerfile'], { cwd: dir });
    const after = await runCli(['lint', '--debug', '--format', 'json', 'Dockerfile'], { cwd: dir });
    expect(before.exitCode).toBe(1);
    expect(after).toMatchObject({ exitCode: before.exitCode, stdout: before.stdout });
    expect(before.stderr).toMatch(/^lint: code cache \w+/);
    expect(after.stderr).toMatch(/^lint: code cache \w+/);
  });

  it('lint needs nothing of the full program: a CLI without it still lints, while --version cannot start', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'harden-init-lint-alone-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(repoRoot, part), path.join(copy, part), { recursive: true });
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
      const program = /import\("\.\/(chunks\/program-[\w-]+\.js)"\)/.exec(readFileSync(path.join(copy, 'dist/cli.js'), 'utf8'))?.[1];
      expect(program).toBeDefined();
      rmSync(path.join(copy, 'dist', program!));
      const bin = path.join(copy, 'bin/harden-init.js');
      const run = async (argv: string[]) => {
        const result = await execa('node', [bin, ...argv], { cwd: dir, reject: false, env: { NO_COLOR: '1', ...TEST_DAY, ...NO_CA_ENV, XDG_CACHE_HOME: path.join(copy, 'cache') } });
        return norm({ exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) });
      };
      expect(await run(['lint', '--format', 'json', 'Dockerfile'])).toEqual(norm(await runCli(['lint', '--format', 'json', 'Dockerfile'], { cwd: dir })));
      expect((await run(['--version'])).exitCode).not.toBe(0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
