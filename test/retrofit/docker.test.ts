import { cpSync, createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, expect, it } from 'vitest';
import { buildSecretIds } from '../../src/retrofit/index.js';
import { retrofitDir } from '../../src/retrofit/run.js';
import { describeDocker } from '../helpers/requirements.js';
import { answersFor, fixtureDir, STACKS, type Stack } from './stacks.js';

const docker = (args: string[], options: { reject?: boolean } = {}) =>
  execa('/usr/bin/docker', args, { env: { DOCKER_BUILDKIT: '1' }, reject: options.reject ?? true, timeout: 600_000 });

const CANARY = 'npm_CANARYc4n4ryC4N4RYc4n4ryC4N4RYc4n4ry';
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => {});
});

async function getJson(port: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      // Bounded: the port proxy can accept a connection the app behind it never answers.
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return (await response.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing answered on port ${port}`);
}

/** Whether the file holds `text`, read in chunks (a match across two chunks is found too). */
async function fileContains(file: string, text: string): Promise<boolean> {
  const needle = Buffer.from(text);
  let tail = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    if (window.includes(needle)) return true;
    tail = window.subarray(Math.max(0, window.length - needle.length + 1));
  }
  return false;
}

/** Retrofits a copy of the fixture, builds it with its build secrets set to a canary, and serves it read-only as non-root. */
async function buildAndServe(stack: Stack, mode: 'rewrite' | 'patches') {
  const dir = mkdtempSync(path.join(tmpdir(), `retrofit-docker-${stack}-`));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(fixtureDir(stack), 'app'), dir, { recursive: true });
  cpSync(path.join(fixtureDir(stack), 'Dockerfile'), path.join(dir, 'Dockerfile'));
  const answers = answersFor(stack);
  const result = await retrofitDir(dir, answers, { adjustAnswers: false, mode });
  expect(result.backups).toEqual(['Dockerfile.harden-init.bak']);

  const tag = `harden-init-retrofit-${stack}-${mode}:test`;
  const secretArgs: string[] = [];
  // The ids the review tells the user to pass, read from the file as written.
  for (const id of buildSecretIds(result.dockerfile)) {
    const file = path.join(dir, '..', `${path.basename(dir)}-${id}`);
    writeFileSync(file, CANARY);
    cleanup.push(async () => rmSync(file, { force: true }));
    secretArgs.push('--secret', `id=${id},src=${file}`);
  }
  // The node and go fixtures install with a token; python needs none.
  expect(secretArgs.length > 0).toBe(stack !== 'python');
  cleanup.push(() => docker(['image', 'rm', '-f', tag], { reject: false }));
  await docker(['build', '-q', ...secretArgs, '-t', tag, dir]);

  // No secret anywhere in the image: not in its config, its history or its layers.
  const inspect = (await docker(['image', 'inspect', tag])).stdout;
  const history = (await docker(['history', '--no-trunc', tag])).stdout;
  for (const text of [inspect, history]) {
    expect(text).not.toContain(CANARY);
    // A name may show in a step that reads its secret mount (`export NPM_TOKEN="$(cat /run/secrets/...)"`), never with a value.
    expect(text).not.toMatch(/API_KEY|DB_PASSWORD|(GITHUB_TOKEN|NPM_TOKEN)=(?!\\?"?\$\(cat \/run\/secrets\/)/);
  }
  // Single-stage images hold a whole toolchain (over a GB): saved to a file and searched as a stream.
  const saved = path.join(dir, '..', `${path.basename(dir)}.tar`);
  cleanup.push(async () => rmSync(saved, { force: true }));
  await docker(['save', '-o', saved, tag]);
  expect(await fileContains(saved, CANARY)).toBe(false);
  rmSync(saved, { force: true });

  const port = String(answers.port);
  const name = `harden-init-retrofit-${stack}-${mode}-${process.pid}`;
  cleanup.push(() => docker(['rm', '-f', name], { reject: false }));
  await docker(['run', '-d', '--name', name, '--read-only', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '-p', `127.0.0.1::${port}`, tag]);
  const mapped = (await docker(['port', name, `${port}/tcp`])).stdout.split('\n')[0].split(':').pop()!;
  const body = await getJson(mapped);
  expect(body.uid).not.toBe(0);
  expect(body.uid).toBe(answers.uid);
  // Config ENV and custom steps were carried over.
  expect(body.greeting).toMatch(/^hello/);
  if (stack !== 'go') expect(body.marker).toBe('built');
  const user = (await docker(['inspect', '-f', '{{.Config.User}}', tag])).stdout.trim();
  expect(user).toBe(`${answers.uid}:${answers.uid}`);
}

describeDocker('retrofitted fixtures build and run hardened', () => {
  it.each(STACKS)('%s: the full rewrite builds against the stand-in bases and serves as non-root on a read-only root', (stack: Stack) => buildAndServe(stack, 'rewrite'), 600_000);
  it.each(STACKS)('%s: the patch series (every hunk) builds and serves as non-root on a read-only root', (stack: Stack) => buildAndServe(stack, 'patches'), 600_000);
});
