import { describe, expect, it } from 'vitest';
import { fileDiff, diffLines, diffStat } from '../../src/write/diff.js';
import { backupName, planWrites, safeRelativePath, statusLine } from '../../src/write/plan.js';

describe('planWrites', () => {
  it('marks absent files create, same bytes identical, different bytes conflict', () => {
    const plan = planWrites(
      [
        { path: 'Dockerfile', content: 'FROM a\n' },
        { path: '.dockerignore', content: '.git\n' },
        { path: '.well-known/security.txt', content: 'Contact: x\n' },
      ],
      new Map([
        ['.dockerignore', '.git\n'],
        ['.well-known/security.txt', 'Contact: y\n'],
      ]),
    );
    expect(plan.map((entry) => [entry.path, entry.action])).toEqual([
      ['Dockerfile', 'create'],
      ['.dockerignore', 'identical'],
      ['.well-known/security.txt', 'conflict'],
    ]);
    expect(plan[2].existing).toBe('Contact: y\n');
  });

  it('treats a trailing-newline difference as a conflict (bytes, not lines)', () => {
    const [entry] = planWrites([{ path: 'a', content: 'x\n' }], new Map([['a', 'x']]));
    expect(entry.action).toBe('conflict');
  });
});

describe('statusLine', () => {
  it('pads every verb to the same width and never shortens the path', () => {
    const long = 'apps/a-very-long-application-name/nested/folder/.well-known/security.txt';
    const lines = [statusLine('create', 'Dockerfile'), statusLine('identical', long), statusLine('backup', 'Dockerfile', '-> Dockerfile.harden-init.bak')];
    expect(lines[0]).toBe('create     Dockerfile');
    expect(lines[1]).toBe(`identical  ${long}`);
    expect(lines[2]).toBe('backup     Dockerfile -> Dockerfile.harden-init.bak');
    for (const line of lines) expect([line[10], line[11] !== ' ']).toEqual([' ', true]);
  });
});

describe('paths', () => {
  it('refuses paths that leave the project folder', () => {
    expect(safeRelativePath('../etc/passwd')).toBeNull();
    expect(safeRelativePath('/etc/passwd')).toBeNull();
    expect(safeRelativePath('a/../../b')).toBeNull();
    expect(safeRelativePath('apps/api/Dockerfile')).toBe('apps/api/Dockerfile');
  });

  it('numbers backups after the first', () => {
    expect([0, 1, 2].map((n) => backupName('Dockerfile', n))).toEqual([
      'Dockerfile.harden-init.bak',
      'Dockerfile.harden-init.1.bak',
      'Dockerfile.harden-init.2.bak',
    ]);
  });
});

describe('fileDiff', () => {
  it('produces a unified diff with classified lines', () => {
    const patch = fileDiff('Dockerfile', 'FROM node\nUSER root\n', 'FROM node:22\nUSER 10001:10001\n');
    expect(patch).toContain('--- a/Dockerfile');
    expect(patch).toContain('+++ b/Dockerfile');
    const kinds = diffLines(patch).map((line) => line.kind);
    expect(kinds).toContain('hunk');
    expect(diffStat(patch)).toEqual({ added: 2, removed: 2 });
    expect(diffLines(patch).find((line) => line.kind === 'add')?.text).toBe('+FROM node:22');
  });
});
