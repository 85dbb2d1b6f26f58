import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { prepareGeneration } from '../../src/generate/prepare.js';
import { describeDocker } from '../helpers/requirements.js';
import { appsDir, fixtureAnswers } from '../generate/helpers.js';
import { runMain } from './run-main.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'harden-init-generated-'));
const tags: string[] = [];

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (tags.length > 0) execFileSync('/usr/bin/docker', ['image', 'rm', '-f', ...tags], { stdio: 'ignore' });
});

describeDocker('harden-init build --run on the generated fixtures', () => {
  for (const name of ['node-express', 'python-stdlib', 'go-http']) {
    it(`${name}: builds through the stand-in bases, audits clean, smoke-runs healthy as non-root`, async () => {
      const dir = path.join(work, name);
      cpSync(path.join(appsDir, name), dir, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json)$/.test(src) });
      const generated = await prepareGeneration(dir, fixtureAnswers(name), { registry: '127.0.0.1:5000', pin: true });
      for (const file of generated.files) {
        mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
        writeFileSync(path.join(dir, file.path), file.content);
      }
      const tag = `harden-init-test/generated-${name}:${process.pid}`;
      tags.push(tag);
      // End-of-life facts are judged on a fixed day, not the real one.
      const result = await runMain(['build', dir, '--tag', tag, '--json', '--run'], { env: { SOURCE_DATE_EPOCH: String(Date.parse('2026-12-04T00:00:00Z') / 1000) } });
      expect(result.exitCode, `${result.stderr}\n${result.stdout}`).toBe(0);
      const json = JSON.parse(result.stdout);
      const serious = json.audit.findings.filter((f: { level: string }) => f.level === 'error' || f.level === 'warning');
      expect(serious).toEqual([]);
      expect(json.run).toMatchObject({ ok: true, readiness: 'healthy' });
      expect(json.run.uid).toBeGreaterThan(0);
    }, 600_000);
  }
});
