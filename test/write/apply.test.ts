import { mkdtemp, readFile, readdir, rm, stat, writeFile, chmod, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan, backupFile, planFromDisk, writeFileAtomic } from '../../src/write/apply.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'harden-init-write-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('applyPlan', () => {
  it('creates new files (with folders), leaves identical ones, backs up then replaces conflicts', async () => {
    await writeFile(path.join(root, 'Dockerfile'), 'FROM node\n');
    await writeFile(path.join(root, '.dockerignore'), '.git\n');
    const plan = await planFromDisk(root, [
      { path: 'Dockerfile', content: 'FROM node:22\n' },
      { path: '.dockerignore', content: '.git\n' },
      { path: '.well-known/security.txt', content: 'Contact: mailto:a@b.c\n' },
    ]);
    expect(plan.map((entry) => entry.action)).toEqual(['conflict', 'identical', 'create']);
    const lines: string[] = [];
    const statuses = await applyPlan(root, plan, { onStatus: (status) => lines.push(status.verb) });
    expect(lines).toEqual(['backup', 'write', 'identical', 'create']);
    expect(statuses[0].backup).toBe('Dockerfile.harden-init.bak');
    expect(await readFile(path.join(root, 'Dockerfile'), 'utf8')).toBe('FROM node:22\n');
    expect(await readFile(path.join(root, 'Dockerfile.harden-init.bak'), 'utf8')).toBe('FROM node\n');
    expect(await readFile(path.join(root, '.well-known/security.txt'), 'utf8')).toBe('Contact: mailto:a@b.c\n');
    // No temp files left behind.
    expect((await readdir(root)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('skips conflicts the user kept', async () => {
    await writeFile(path.join(root, 'Dockerfile'), 'mine\n');
    const plan = await planFromDisk(root, [{ path: 'Dockerfile', content: 'theirs\n' }]);
    const statuses = await applyPlan(root, plan, { skip: new Set(['Dockerfile']) });
    expect(statuses).toEqual([{ verb: 'skip', path: 'Dockerfile' }]);
    expect(await readFile(path.join(root, 'Dockerfile'), 'utf8')).toBe('mine\n');
    expect(await readdir(root)).toEqual(['Dockerfile']);
  });

  it('backs up a file that appeared after planning instead of losing it', async () => {
    const plan = await planFromDisk(root, [{ path: 'Dockerfile', content: 'new\n' }]);
    await writeFile(path.join(root, 'Dockerfile'), 'sneaked in\n');
    const statuses = await applyPlan(root, plan);
    expect(statuses.map((s) => s.verb)).toEqual(['backup', 'write']);
    expect(await readFile(path.join(root, 'Dockerfile.harden-init.bak'), 'utf8')).toBe('sneaked in\n');
  });

  it('refuses to write outside the project folder', async () => {
    await expect(applyPlan(root, [{ path: '../evil', content: 'x', action: 'create', existing: null }])).rejects.toThrow(/outside the project/);
  });
});

describe('backupFile', () => {
  it('never overwrites a backup: numbers the next one, byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 10]);
    await writeFile(path.join(root, 'Dockerfile'), bytes);
    await writeFile(path.join(root, 'Dockerfile.harden-init.bak'), 'older backup');
    await writeFile(path.join(root, 'Dockerfile.harden-init.1.bak'), 'oldest backup');
    expect(await backupFile(root, 'Dockerfile')).toBe('Dockerfile.harden-init.2.bak');
    expect(await readFile(path.join(root, 'Dockerfile.harden-init.2.bak'))).toEqual(bytes);
    expect(await readFile(path.join(root, 'Dockerfile.harden-init.bak'), 'utf8')).toBe('older backup');
    expect(await readFile(path.join(root, 'Dockerfile.harden-init.1.bak'), 'utf8')).toBe('oldest backup');
  });

  it('works in sub-folders', async () => {
    await mkdir(path.join(root, 'apps/api'), { recursive: true });
    await writeFile(path.join(root, 'apps/api/Dockerfile'), 'x');
    expect(await backupFile(root, 'apps/api/Dockerfile')).toBe('apps/api/Dockerfile.harden-init.bak');
  });
});

describe('writeFileAtomic', () => {
  it('keeps the mode of the file it replaces', async () => {
    const target = path.join(root, 'run.sh');
    await writeFile(target, 'old');
    await chmod(target, 0o755);
    await writeFileAtomic(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o755);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('leaves no temp file behind and the target untouched when the rename fails', async () => {
    const target = path.join(root, 'Dockerfile');
    await mkdir(target);
    await writeFile(path.join(target, 'inside'), 'keep');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readFile(path.join(target, 'inside'), 'utf8')).toBe('keep');
    expect(await readdir(root)).toEqual(['Dockerfile']);
  });
});
