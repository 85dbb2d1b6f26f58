import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_PER_THREAD, lintThreads } from '../../src/lint/parallel.js';
import { runCli } from '../helpers/cli.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';

describe('lintThreads', () => {
  it('starts a thread per FILES_PER_THREAD files, up to one less than the CPUs; --jobs decides when given', () => {
    expect(lintThreads(1, undefined, () => 8)).toBe(1);
    expect(lintThreads(FILES_PER_THREAD * 2 - 1, undefined, () => 8)).toBe(1);
    expect(lintThreads(FILES_PER_THREAD * 2, undefined, () => 8)).toBe(2);
    expect(lintThreads(FILES_PER_THREAD * 100, undefined, () => 8)).toBe(7);
    // Two cores: V8 already uses the second one beside a single thread.
    expect(lintThreads(100_000, undefined, () => 2)).toBe(1);
    expect(lintThreads(2000, undefined, () => 1)).toBe(1);
    expect(lintThreads(10, 4, () => 2)).toBe(4);
    expect(lintThreads(3, 4, () => 2)).toBe(3);
    expect(lintThreads(2000, 1, () => 8)).toBe(1);
    // The CPU count is not read when it cannot change the answer (node:os stays unloaded for one file).
    const unread = () => {
      throw new Error('the CPU count was read');
    };
    expect(lintThreads(1, undefined, unread)).toBe(1);
    expect(lintThreads(FILES_PER_THREAD * 2 - 1, undefined, unread)).toBe(1);
    expect(lintThreads(5000, 2, unread)).toBe(2);
  });
});

describeCorpus('lint on worker threads (built CLI)', () => {
  let dir: string;
  let files: string[];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'harden-init-lint-threads-'));
    const corpus = path.join(corpusDir, 'dockerfiles');
    const names = readdirSync(corpus).filter((name) => /dockerfile$/i.test(name)).sort();
    files = [];
    // Copies of the corpus in folders (a folder means its Dockerfile), clean files and one that does not parse.
    for (let i = 0; i < 240; i++) {
      const folder = path.join(dir, String(i).padStart(3, '0'));
      mkdirSync(folder);
      copyFileSync(path.join(corpus, names[i % names.length]), path.join(folder, 'Dockerfile'));
      files.push(i % 3 === 0 ? path.basename(folder) : `${path.basename(folder)}/Dockerfile`);
    }
    writeFileSync(path.join(dir, 'clean.Dockerfile'), 'FROM scratch\nCOPY --chown=10001:10001 app /app\nUSER 10001:10001\nENTRYPOINT ["/app"]\n');
    writeFileSync(path.join(dir, 'broken.Dockerfile'), 'FROM debian:12\nBOGUS x\n');
    files.splice(100, 0, 'clean.Dockerfile');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Without the line --debug adds on how the lint bundle loaded (test/lint/bundle.test.ts checks it).
  const run = async (args: string[]) => {
    const result = await runCli(['lint', ...args], { cwd: dir });
    return { ...result, stderr: result.stderr.replace(/^lint: code cache .*(\n|$)/m, '') };
  };

  it('gives the same report, stderr and exit code on 1 and 2 threads, in every format', async () => {
    const debug = await run(['--jobs', '2', '--debug', '--format', 'json', ...files]);
    expect(debug.stderr).toMatch(new RegExp(`^lint: ${files.length} files on 2 threads, \\d+\\.\\d\\d s of CPU in \\d+\\.\\d\\d s$`));
    for (const format of ['tty', 'json', 'sarif', 'checkstyle', 'gitlab']) {
      const one = await run(['--jobs', '1', '--format', format, ...files]);
      const two = await run(['--jobs', '2', '--format', format, ...files]);
      expect(one.exitCode).toBe(1);
      expect(one.stdout.length).toBeGreaterThan(10_000);
      expect({ format, ...two }).toEqual({ format, ...one });
    }
    // Without --jobs, this many files take two threads (on a machine with two CPUs or more).
    const auto = await run(['--format', 'json', ...files]);
    expect(auto).toEqual(await run(['--jobs', '1', '--format', 'json', ...files]));
  }, 300_000);

  it('a malformed file, a missing one and --failure-threshold give the same output and exit code', async () => {
    const cases = [
      [...files.slice(0, 150), 'broken.Dockerfile', ...files.slice(150)],
      [...files.slice(0, 200), 'missing/Dockerfile', ...files.slice(200), 'also-missing.Dockerfile'],
      ['--failure-threshold', 'none', ...files],
      ['--failure-threshold', 'error', '--format', 'json', ...files],
    ];
    const codes: number[] = [];
    for (const args of cases) {
      const one = await run(['--jobs', '1', ...args]);
      const two = await run(['--jobs', '2', ...args]);
      expect(two).toEqual(one);
      codes.push(one.exitCode);
    }
    expect(codes).toEqual([2, 2, 0, 1]);
  }, 300_000);

  it('workers judge end of life by the run\'s day, as the main thread does', async () => {
    const ended = Array.from({ length: 8 }, (_, i) => `ended-${i}.Dockerfile`);
    for (const name of ended) writeFileSync(path.join(dir, name), 'FROM node:20.19.5-bookworm-slim\nUSER 10001:10001\nCMD ["node", "server.js"]\n');
    const codesOn = async (day: string) => {
      const env = { SOURCE_DATE_EPOCH: String(Date.parse(day) / 1000) };
      const result = await runCli(['lint', '--jobs', '2', '--format', 'json', ...ended], { cwd: dir, env });
      return (JSON.parse(result.stdout) as Array<{ file: string; code: string }>).filter((f) => f.code === 'HI113').map((f) => f.file);
    };
    expect(await codesOn('2026-01-15T00:00:00Z')).toEqual([]);
    expect([...new Set(await codesOn('2026-12-04T00:00:00Z'))].sort()).toEqual([...ended].sort());
  });

  it('--jobs takes a whole number of threads', async () => {
    for (const bad of ['0', 'two', '1.5']) {
      const result = await run(['--jobs', bad, 'clean.Dockerfile']);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^harden-init: --jobs takes a whole number of threads, not "[^"]+" \(--jobs\): /);
    }
    // Never more threads than files.
    expect((await run(['-j', '3', '--debug', 'clean.Dockerfile'])).stderr).toBe('');
    expect((await run(['-j', '3', '--debug', 'clean.Dockerfile', 'broken.Dockerfile', '000'])).stderr).toMatch(/^lint: 3 files on 3 threads, /);
    expect((await run(['-j', '1', '--debug', 'clean.Dockerfile', '000'])).stderr).toMatch(/^lint: 2 files on 1 thread, [\d.]+ s of CPU in [\d.]+ s/);
  });
});
