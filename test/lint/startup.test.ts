import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// What a one-file lint loads is what editors and CI pay on every run: the parser and the rules are
// bundled, and no CommonJS package may be resolved file by file from node_modules on that path.
describe('harden-init lint start-up (built CLI)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'harden-init-lint-startup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads no CommonJS module from node_modules for one file, whatever rules fire', async () => {
    // An ended runtime on an ended OS, a secret, ADD and root: the end-of-life, secret and shell rules all run.
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:18-bullseye-slim\nENV API_TOKEN=abc\nADD . /app\nRUN apt-get update && apt-get install -y curl\nCMD node /app/server.js\n');
    const result = await runCli(['lint', '--format', 'json', 'Dockerfile'], { cwd: dir, env: { NODE_DEBUG: 'module' } });
    const codes = (JSON.parse(result.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    expect(codes).toContain('HI113');
    const loaded = result.stderr.split('\n').filter((line) => /^MODULE \d+: load "/.test(line));
    expect(loaded).toEqual([]);
  });

  it('loads no YAML parser for the .harden-init.json config that init writes, and still applies it', async () => {
    const app = mkdtempSync(path.join(dir, 'app-'));
    writeFileSync(path.join(app, 'Dockerfile'), 'FROM debian:13.2-slim\nADD app.js /app/app.js\nUSER 10001:10001\n');
    writeFileSync(path.join(app, '.harden-init.json'), JSON.stringify({ app: '.', lint: { ignored: ['DL3020'] } }));
    const result = await runCli(['lint', '--format', 'json', 'Dockerfile'], { cwd: app, env: { NODE_DEBUG: 'module' } });
    const codes = (JSON.parse(result.stdout) as Array<{ code: string }>).map((finding) => finding.code);
    expect(codes).not.toContain('HI401');
    expect(codes.length).toBeGreaterThan(0);
    const loaded = result.stderr.split('\n').filter((line) => /^MODULE \d+: load "/.test(line));
    expect(loaded).toEqual([]);
  });
});
