import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const SPEC_COMMANDS = ['detect', 'lint', 'build', 'audit', 'scan', 'fix', 'security-txt'];

describe('harden-init CLI skeleton', () => {
  it('--help lists every command of the SPEC with one line each', async () => {
    const { exitCode, stdout } = await runCli(['--help']);
    expect(exitCode).toBe(0);
    for (const name of SPEC_COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('<cmd> --help details flags with an example', async () => {
    const { exitCode, stdout } = await runCli(['scan', '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('--exclude-base');
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('$ harden-init scan');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const { exitCode, stdout } = await runCli(['--version']);
    expect(exitCode).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('an unknown flag exits 2 with one line naming the closest flag', async () => {
    const { exitCode, stderr } = await runCli(['lint', '--fromat', 'json']);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^harden-init: unknown option '--fromat'.*did you mean --format\?/);
  });

  it("the wizard's flags after another command are an error, not silently ignored; --debug and --no-color go anywhere", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hi-cli-'));
    try {
      // ci has its own --dry-run: it prints the workflow and writes nothing
      const dry = await runCli(['ci', '--github', '--dry-run'], { cwd: dir });
      expect(dry.exitCode).toBe(0);
      expect(dry.stdout).toContain('name: harden-init image');
      expect(dry.stdout.trimEnd().split('\n').at(-1)).toBe('dry run: nothing written');
      expect(existsSync(path.join(dir, '.github'))).toBe(false);
      expect((await runCli(['ci', '--github'], { cwd: dir })).exitCode).toBe(0);
      const workflow = path.join(dir, '.github/workflows/harden-init-image.yml');
      writeFileSync(workflow, `${readFileSync(workflow, 'utf8')}# mine\n`);
      const diff = await runCli(['ci', '--github', '--dry-run'], { cwd: dir });
      expect(diff.stdout).toMatch(/^-# mine$/m);
      expect(readFileSync(workflow, 'utf8')).toMatch(/# mine\n$/);
      rmSync(path.join(dir, '.github'), { recursive: true });
      const ci = await runCli(['ci', '--github', '--force'], { cwd: dir });
      expect(ci.exitCode).toBe(2);
      expect(ci.stderr).toMatch(/^harden-init: unknown option '--force' \(command line\): see harden-init ci --help/);
      expect(existsSync(path.join(dir, '.github'))).toBe(false);
      writeFileSync(path.join(dir, 'Dockerfile'), 'FROM debian:12.12-slim\nUSER 10001:10001\nHEALTHCHECK NONE\nCMD ["/app"]\n');
      for (const args of [['lint', '--debug', '--no-color'], ['--debug', '--no-color', 'lint']]) {
        const result = await runCli([...args, '--failure-threshold', 'none'], { cwd: dir });
        // --debug is on wherever it stands: lint says how it loaded, and nothing else is on stderr.
        expect(result.stderr).toMatch(/^lint: code cache \w+ \([^)]*\)$/);
        expect(result.exitCode).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown command exits 2 with one line naming the closest command', async () => {
    const { exitCode, stderr } = await runCli(['lnt'], { cwd: repoRoot });
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain("did you mean lint?");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad option value exits 2 with one line', async () => {
    const { exitCode, stderr } = await runCli(['scan', 'x', '--severity', 'urgent']);
    expect(exitCode).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--severity');
  });
});
