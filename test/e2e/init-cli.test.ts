import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { folderState, makeNodeApp, runEnv } from './fixture.js';

// Uses the built CLI: run `npm run build` first.
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function app(options?: { author?: boolean }) {
  const dir = await makeNodeApp(options);
  dirs.push(dir);
  return dir;
}
const cli = (args: string[], cwd: string) => runCli(args, { cwd, env: runEnv });

describe('harden-init [dir] without a terminal', () => {
  it('no TTY and no --yes/--answers: exit 2 with the exact line', async () => {
    const dir = await app();
    const result = await cli([], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('harden-init: no terminal to ask questions in: run with --yes (detected defaults) or --answers <file>');
    expect(Object.keys(await folderState(dir))).toEqual(['package-lock.json', 'package.json', 'server.js']);
  });

  it('--yes writes the hardened files with one status line each', async () => {
    const dir = await app();
    const result = await cli(['--yes', '--no-pin'], dir);
    expect(result.stderr).not.toMatch(/^harden-init:/m);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'create     Dockerfile',
      'create     .dockerignore',
      'create     .well-known/security.txt',
      'create     compose.yaml',
      'create     .harden-init.json',
    ]);
    const dockerfile = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('USER 10001:10001');
    expect(dockerfile).toMatch(/^FROM \S+node\S* AS build$/m);
    const saved = JSON.parse(await readFile(path.join(dir, '.harden-init.json'), 'utf8'));
    expect(saved).toMatchObject({ language: 'node', port: 3000, security: { contact: 'mailto:security@shop.example', expires: '2026-03-14T00:00:00Z' } });
    expect(await readFile(path.join(dir, '.well-known/security.txt'), 'utf8')).toContain('Contact: mailto:security@shop.example');
  });

  it('a second run finds every file identical; a changed file is backed up (numbered) then replaced', async () => {
    const dir = await app();
    await cli(['--yes', '--no-pin'], dir);
    const again = await cli(['--yes', '--no-pin'], dir);
    expect(again.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('identical  '))).toBe(true);

    await writeFile(path.join(dir, 'Dockerfile'), 'FROM node\n');
    await writeFile(path.join(dir, 'Dockerfile.harden-init.bak'), 'an older backup\n');
    const third = await cli(['--yes', '--no-pin'], dir);
    expect(third.stdout).toContain('backup     Dockerfile -> Dockerfile.harden-init.1.bak\nwrite      Dockerfile\n');
    expect(await readFile(path.join(dir, 'Dockerfile.harden-init.1.bak'), 'utf8')).toBe('FROM node\n');
    expect(await readFile(path.join(dir, 'Dockerfile.harden-init.bak'), 'utf8')).toBe('an older backup\n');
  });

  it('--answers .harden-init.json reproduces the files byte for byte (even a year later)', async () => {
    const dir = await app();
    await cli(['--yes', '--no-pin'], dir);
    const before = await folderState(dir);
    for (const file of ['Dockerfile', '.dockerignore', '.well-known/security.txt', 'compose.yaml']) await rm(path.join(dir, file));
    const replay = await runCli(['--answers', '.harden-init.json'], { cwd: dir, env: { ...runEnv, SOURCE_DATE_EPOCH: '1752034030' } });
    expect(replay.exitCode).toBe(0);
    expect(await folderState(dir)).toEqual(before);
  });

  it('--answers accepts YAML; flags override it', async () => {
    const dir = await app();
    await writeFile(path.join(dir, 'answers.yaml'), 'port: 8080\nbase: slim\nsecurity:\n  contact: https://shop.example/security\n');
    const result = await cli(['--answers', 'answers.yaml', '--uid', '20000', '--no-pin', '--dry-run'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('EXPOSE 8080');
    expect(result.stdout).toContain('USER 20000:20000');
    expect(result.stdout).toContain('Contact: https://shop.example/security');
  });

  it('a bad answers file: exit 2 naming the field, the file and the fix', async () => {
    const dir = await app();
    await writeFile(path.join(dir, '.harden-init.json'), '{ "port": 70000 }\n');
    const result = await cli(['--answers', '.harden-init.json'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('harden-init: invalid answers: port must be at most 65535 (.harden-init.json): fix the value or delete the field');
    await writeFile(path.join(dir, 'broken.json'), '{\n  "port": 80,\n}\n');
    const broken = await cli(['--answers', 'broken.json'], dir);
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr).toMatch(/^harden-init: invalid answers: not valid JSON \(broken\.json:3\): fix the syntax/);
  });

  it('a bad flag value: exit 2 naming the flag', async () => {
    const dir = await app();
    const result = await cli(['--yes', '--contact', 'ftp://x'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('harden-init: --contact must start with mailto: or https:, e.g. mailto:security@example.com (command line): fix the value (--contact <mailto:|https:>)');
  });

  it('no contact anywhere: --yes says which flag to pass', async () => {
    const dir = await app({ author: false });
    const result = await cli(['--yes', '--no-pin'], dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^harden-init: security\.contact is required: .* \(detected defaults\): pass --contact <mailto:\|https:>$/);
  });

  it('--dry-run prints the files and diffs and writes nothing', async () => {
    const dir = await app();
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM node:latest\nUSER root\n');
    const before = await folderState(dir);
    const result = await cli(['--yes', '--dry-run', '--no-pin'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('conflict   Dockerfile');
    expect(result.stdout).toContain('-FROM node:latest');
    expect(result.stdout).toContain('+USER 10001:10001');
    expect(result.stdout).toContain('create     .dockerignore');
    expect(await folderState(dir)).toEqual(before);
  });
});
