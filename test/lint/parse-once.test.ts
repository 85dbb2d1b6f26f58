import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { DockerfileParser } from 'dockerfile-ast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandContext } from '../../src/cli/context.js';
import { runFixCommand } from '../../src/fix/run.js';
import { fixDockerfile, lintDockerfile } from '../../src/lint/index.js';
import { answersSchema } from '../../src/questions/answers.js';
import { retrofitDir } from '../../src/retrofit/run.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copy(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'parse-once-'));
  dirs.push(dir);
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** The texts the Dockerfile parser was given while `run` ran, and those it was given more than once. */
async function parses(run: () => Promise<unknown> | unknown): Promise<{ texts: string[]; repeated: string[] }> {
  const spy = vi.spyOn(DockerfileParser, 'parse');
  await run();
  const texts = spy.mock.calls.map(([text]) => text);
  spy.mockRestore();
  return { texts, repeated: [...new Set(texts.filter((text, i) => texts.indexOf(text) !== i))] };
}

// A comment no other test writes, so no earlier test has parsed these texts already.
const fresh = (text: string) => `${text}\n# ${path.basename(mkdtempSync(path.join(tmpdir(), 'parse-once-tag-')))}\n`;

describe('each Dockerfile text is parsed once per run', () => {
  it('lint, then lint --fix (every rule tried, the result linted again)', async () => {
    const text = fresh('FROM node:22\nADD app.js /app/app.js\nRUN apt-get update && apt-get install curl\nCMD node /app/app.js\n');
    const { texts, repeated } = await parses(() => {
      lintDockerfile(text);
      const fixed = fixDockerfile(text);
      expect(fixed.applied.length).toBeGreaterThan(2);
      lintDockerfile(fixed.text);
    });
    expect(texts).toContain(text);
    expect(repeated).toEqual([]);
  });

  it('keep: false (a run that lints each text once) uses a kept tree but keeps no new one', async () => {
    const text = fresh('FROM node:22\nCMD node app.js\n');
    expect((await parses(() => [lintDockerfile(text, { keep: false }), lintDockerfile(text, { keep: false })])).texts).toEqual([text, text]);
    expect((await parses(() => [lintDockerfile(text), lintDockerfile(text, { keep: false }), lintDockerfile(text)])).texts).toEqual([text]);
  });

  it('harden-init fix --yes: plan (lint, a fix per action, lint again), apply, verify', async () => {
    const app = copy(path.join(import.meta.dirname, '../fix/fixtures/insecure-node'));
    const out = new PassThrough();
    const ctx: CommandContext = { cwd: app, env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, stdin: Readable.from([]), stdout: out, stderr: new PassThrough(), color: false, debug: false };
    const { texts, repeated } = await parses(async () => expect(await runFixCommand('.', { yes: true }, ctx)).toBe(0));
    expect(String(out.read())).toMatch(/^write +Dockerfile$/m);
    expect(texts.length).toBeGreaterThan(3);
    expect(repeated).toEqual([]);
  });

  it('retrofit: analysis, merge, patches, lint and fix of the existing and merged Dockerfiles', async () => {
    const source = path.join(fixturesDir, 'retrofit', 'node');
    const dir = copy(path.join(source, 'app'));
    cpSync(path.join(source, 'Dockerfile'), path.join(dir, 'Dockerfile'));
    const answers = answersSchema.parse({ language: 'node', packageManager: 'npm', runtimeVersion: '22', startCommand: 'node server.js', port: 3000, base: 'slim', security: { contact: 'mailto:security@example.com' } });
    const generated = readFileSync(path.join(source, 'generated.Dockerfile'), 'utf8');
    const { texts, repeated } = await parses(() => retrofitDir(dir, answers, { dryRun: true, generated: { dockerfile: generated } }));
    expect(texts).toContain(readFileSync(path.join(dir, 'Dockerfile'), 'utf8'));
    expect(repeated).toEqual([]);
  });

  it('the parser is called from one place only, which keeps the recent trees', () => {
    const callers = (readdirSync(path.join(repoRoot, 'src'), { recursive: true }) as string[])
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => readFileSync(path.join(repoRoot, 'src', file), 'utf8').includes('DockerfileParser'));
    expect(callers).toEqual([path.join('lint', 'ast.ts')]);
  });
});
