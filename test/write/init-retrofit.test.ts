import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintDockerfile } from '../../src/lint/index.js';
import { runCli } from '../helpers/cli.js';
import { fixturesDir } from '../helpers/paths.js';

// `harden-init --yes` in a folder that already has a Dockerfile retrofits it instead of replacing it.
describe('harden-init --yes on an existing Dockerfile', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  async function insecureNodeApp(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'harden-init-retrofit-'));
    dirs.push(dir);
    await cp(path.join(fixturesDir, 'retrofit/node/app'), dir, { recursive: true });
    await cp(path.join(fixturesDir, 'retrofit/node/Dockerfile'), path.join(dir, 'Dockerfile'));
    return dir;
  }
  const args = (dir: string) => ['--yes', '--no-pin', '--contact', 'mailto:security@example.com', dir];

  it('merges the user file, keeps a byte-identical backup and tells what was not carried over', async () => {
    const dir = await insecureNodeApp();
    const original = await readFile(path.join(dir, 'Dockerfile'));
    const { exitCode, stdout, stderr } = await runCli(args(dir));
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^backup\s+Dockerfile -> Dockerfile\.harden-init\.bak$/m);
    expect(await readFile(path.join(dir, 'Dockerfile.harden-init.bak'))).toEqual(original);
    expect(stderr).toContain('API_KEY');
    const hardened = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(hardened).toContain('--mount=type=secret,id=npm_token');
    expect(hardened).toContain('ENV GREETING="hello from retrofit"');
    expect(hardened).toMatch(/apt-get install[^\n]*tini/);
    expect(hardened).not.toMatch(/^ADD |^MAINTAINER|sk_live|FROM node:latest/m);
    expect(hardened).toMatch(/^USER 10001:10001$/m);
    const problems = lintDockerfile(hardened).filter((finding) => finding.level === 'error' || finding.level === 'warning');
    expect(problems).toEqual([]);
  });

  it("keeps the runtime version of the user's FROM when the repo states none", async () => {
    const dir = await insecureNodeApp();
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nCMD ["node", "server.js"]\n');
    expect((await runCli(args(dir))).exitCode).toBe(0);
    const hardened = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(hardened).toMatch(/^FROM \S*node:20\.\S* AS build$/m);
    expect(hardened).not.toMatch(/node:22/);
    expect(JSON.parse(await readFile(path.join(dir, '.harden-init.json'), 'utf8')).runtimeVersion).toBe('20');
  });

  it('a version the repo states (package.json engines) wins over the FROM: the newest supported LTS the range allows', async () => {
    const dir = await insecureNodeApp();
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n');
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ ...pkg, engines: { node: '>=22' } }));
    expect((await runCli(args(dir))).exitCode).toBe(0);
    // >=22 on the tests' day (2026-12-04): Node 24.
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toMatch(/^FROM \S*node:24\.\S* AS build$/m);
  });

  it('keeps an existing security.txt (checked, byte for byte); --dry-run and --yes say it is skipped', async () => {
    const dir = await insecureNodeApp();
    const mine = 'Contact: mailto:me@example.com\nExpires: 2020-01-01T00:00:00Z\n';
    await mkdir(path.join(dir, '.well-known'));
    await writeFile(path.join(dir, '.well-known/security.txt'), mine);
    const original = await readFile(path.join(dir, 'Dockerfile'));
    const dry = await runCli([...args(dir), '--dry-run']);
    expect(dry.stdout).toMatch(/^skip\s+\.well-known\/security\.txt$/m);
    // --dry-run prints the diff and writes nothing.
    expect(dry.stdout).toContain('+# carried over from your Dockerfile');
    expect(await readFile(path.join(dir, 'Dockerfile'))).toEqual(original);
    await expect(readFile(path.join(dir, 'Dockerfile.harden-init.bak'))).rejects.toThrow(/ENOENT/);
    const { exitCode, stdout, stderr } = await runCli(args(dir));
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^skip\s+\.well-known\/security\.txt$/m);
    expect(stderr).toMatch(/\.well-known\/security\.txt:2: .*expire/i);
    expect(await readFile(path.join(dir, '.well-known/security.txt'), 'utf8')).toBe(mine);
  });

  it('a second run over its own output changes nothing: same file, no new backup, the notes still say what to pass', async () => {
    const dir = await insecureNodeApp();
    expect((await runCli(args(dir))).exitCode).toBe(0);
    const first = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    const again = await runCli(args(dir));
    expect(again.exitCode).toBe(0);
    expect(again.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('identical  '))).toBe(true);
    const hardened = await readFile(path.join(dir, 'Dockerfile'), 'utf8');
    expect(hardened).toBe(first);
    expect(hardened).toContain('--mount=type=secret,id=npm_token');
    await expect(readFile(path.join(dir, 'Dockerfile.harden-init.1.bak'))).rejects.toThrow(/ENOENT/);
    expect(again.stderr).toContain('build secret npm_token');
    expect(again.stderr).toContain('API_KEY');
  });
});
