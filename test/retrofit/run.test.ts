import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answersSchema, type Answers } from '../../src/questions/answers.js';
import { retrofitDir } from '../../src/retrofit/run.js';
import { fixturesDir } from '../helpers/paths.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(stack: string): { dir: string; generated: string; answers: Answers } {
  const dir = mkdtempSync(path.join(tmpdir(), 'retrofit-'));
  dirs.push(dir);
  const source = path.join(fixturesDir, 'retrofit', stack);
  cpSync(path.join(source, 'app'), dir, { recursive: true });
  cpSync(path.join(source, 'Dockerfile'), path.join(dir, 'Dockerfile'));
  const answers = answersSchema.parse({ language: 'node', packageManager: 'npm', runtimeVersion: '22', startCommand: 'node server.js', port: 3000, base: 'slim', security: { contact: 'mailto:security@example.com' } });
  return { dir, generated: readFileSync(path.join(source, 'generated.Dockerfile'), 'utf8'), answers };
}

describe('retrofitDir', () => {
  it('--dry-run returns the diff and writes nothing', async () => {
    const { dir, generated, answers } = project('node');
    const before = readFileSync(path.join(dir, 'Dockerfile'));
    const result = await retrofitDir(dir, answers, { dryRun: true, generated: { files: [{ path: 'Dockerfile', content: generated }] } });
    expect(result.diff).toContain('--- a/Dockerfile');
    expect(result.diff).toContain('+# carried over from your Dockerfile');
    expect(result.statuses).toEqual([]);
    expect(readFileSync(path.join(dir, 'Dockerfile')).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, 'Dockerfile.harden-init.bak'))).toBe(false);
    expect(existsSync(path.join(dir, '.dockerignore'))).toBe(false);
  });

  it('writes the rewrite after a byte-identical backup, numbered when one exists', async () => {
    const { dir, generated, answers } = project('node');
    // Odd bytes and CRLF must survive the backup unchanged.
    const original = Buffer.concat([readFileSync(path.join(dir, 'Dockerfile')), Buffer.from('# caf\xc3\xa9\r\n', 'latin1')]);
    writeFileSync(path.join(dir, 'Dockerfile'), original);
    writeFileSync(path.join(dir, 'Dockerfile.harden-init.bak'), 'an older backup\n');
    const result = await retrofitDir(dir, answers, { generated: { files: [{ path: 'Dockerfile', content: generated }] } });
    expect(result.backups).toEqual(['Dockerfile.harden-init.1.bak']);
    expect(readFileSync(path.join(dir, 'Dockerfile.harden-init.1.bak')).equals(original)).toBe(true);
    expect(readFileSync(path.join(dir, 'Dockerfile.harden-init.bak'), 'utf8')).toBe('an older backup\n');
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(result.plan.rewrite);
    expect(result.notes.some((n) => n.startsWith('build secret npm_token'))).toBe(true);
  });

  it('applies only the accepted hunks in patches mode', async () => {
    const { dir, generated, answers } = project('python');
    const original = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    const dry = await retrofitDir(dir, answers, { dryRun: true, mode: 'patches', generated: { dockerfile: generated } });
    const add = dry.plan.patches.find((p) => p.title.includes('COPY, not ADD'))!;
    const result = await retrofitDir(dir, answers, { mode: 'patches', accept: [add.id], generated: { dockerfile: generated } });
    const written = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    expect(written).toBe(original.replace('ADD . /app', 'COPY . /app'));
    expect(readFileSync(path.join(dir, 'Dockerfile.harden-init.bak'), 'utf8')).toBe(original);
    expect(result.backups).toEqual(['Dockerfile.harden-init.bak']);
  });

  it('extends .dockerignore, keeps and checks security.txt, suggests compose hardening', async () => {
    const { dir, generated, answers } = project('node');
    writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n');
    cpSync(path.join(fixturesDir, 'retrofit', 'node', 'app', 'server.js'), path.join(dir, '.well-known', 'x'), { recursive: true });
    writeFileSync(path.join(dir, '.well-known', 'security.txt'), 'Contact: mailto:security@example.com\n');
    writeFileSync(path.join(dir, 'compose.yaml'), 'services:\n  app:\n    build: .\n    ports: ["3000:3000"]\n');
    const result = await retrofitDir(dir, answers, {
      generated: { files: [{ path: 'Dockerfile', content: generated }, { path: '.well-known/security.txt', content: 'Contact: mailto:new@example.com\nExpires: 2099-01-01T00:00:00Z\n' }, { path: 'compose.yaml', content: 'services: {}\n' }] },
    });
    const ignore = readFileSync(path.join(dir, '.dockerignore'), 'utf8');
    expect(ignore.startsWith('node_modules\n')).toBe(true);
    expect(ignore).toContain('**/.env');
    expect(readFileSync(path.join(dir, '.well-known', 'security.txt'), 'utf8')).toBe('Contact: mailto:security@example.com\n');
    expect(result.securityTxtProblems.some((p) => /expires/i.test(p.message))).toBe(true);
    expect(readFileSync(path.join(dir, 'compose.yaml'), 'utf8')).toBe('services:\n  app:\n    build: .\n    ports: ["3000:3000"]\n');
    expect(result.composeSuggestions).toMatchObject([{ path: 'compose.yaml', services: ['app'] }]);
    expect(result.composeSuggestions[0].diff).toContain('+    cap_drop:');
  });
});
