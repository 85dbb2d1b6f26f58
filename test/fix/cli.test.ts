import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixableLintCodes, fixLintCodes, lintText } from '../../src/fix/lint-bridge.js';
import { planFixes } from '../../src/fix/planner.js';
import type { LintFinding } from '../../src/lint/types.js';
import { runCli } from '../helpers/cli.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';

const fixture = path.join(import.meta.dirname, 'fixtures/insecure-node');
const original = readFileSync(path.join(fixture, 'Dockerfile'));
// No engine for these runs: only the Dockerfile side (the image side has its own Docker suite).
const env = { DOCKER_HOST: 'unix:///nonexistent/docker.sock' };

let app: string;
beforeEach(() => {
  app = path.join(mkdtempSync(path.join(os.tmpdir(), 'hi-fix-')), 'shop');
  cpSync(fixture, app, { recursive: true });
});
afterEach(() => rmSync(path.dirname(app), { recursive: true, force: true }));

async function lintJson(file = 'Dockerfile'): Promise<LintFinding[]> {
  const result = await runCli(['lint', '--format', 'json', file], { cwd: app, env });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as LintFinding[];
}

const count = (findings: LintFinding[], code: string) => findings.filter((f) => f.code === code).length;

/** The lint-fix actions the planner makes for the fixture, as code -> findings it promises to remove. */
function promisedByCode(): Map<string, number> {
  const text = original.toString('utf8');
  const actions = planFixes({ dockerfile: 'Dockerfile', files: { Dockerfile: text }, lintFindings: lintText(text, 'Dockerfile'), fixableCodes: fixableLintCodes(), fixLint: fixLintCodes, lint: lintText, scanRecords: [], bases: [] });
  return new Map(actions.filter((a) => a.kind === 'lint-fix').map((a) => [a.id.replace(/^lint:/, ''), a.removes.length]));
}

describe('harden-init fix through the built CLI', () => {
  it('--yes applies the safe actions, keeps a byte-identical backup, and the promised findings are gone on re-lint', async () => {
    const before = await lintJson();
    const promised = promisedByCode();
    expect(promised.size).toBeGreaterThanOrEqual(5);

    const result = await runCli(['fix', '--yes'], { cwd: app, env });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^backup +Dockerfile -> Dockerfile\.harden-init\.bak$/m);
    expect(result.stdout).toMatch(/^write +Dockerfile$/m);
    expect(readFileSync(path.join(app, 'Dockerfile.harden-init.bak')).equals(original)).toBe(true);

    const after = await lintJson();
    const removed = [...promised.values()].reduce((a, b) => a + b, 0);
    expect(result.stdout).toContain(`lint   ${before.length} -> ${after.length} finding(s) (${before.length - after.length} removed)`);
    expect(after.length).toBeLessThanOrEqual(before.length - removed);
    for (const [code, n] of promised) expect({ code, left: count(after, code) }).toEqual({ code, left: count(before, code) - n });
    // the rest of the app is untouched
    expect(readFileSync(path.join(app, 'package.json'))).toEqual(readFileSync(path.join(fixture, 'package.json')));
    // the backup still lints as the original did
    expect((await lintJson('Dockerfile.harden-init.bak')).map((f) => f.code)).toEqual(before.map((f) => f.code));
  });

  it('a second run has nothing left to fix and writes no new backup', async () => {
    expect((await runCli(['fix', '--yes'], { cwd: app, env })).exitCode).toBe(0);
    const fixed = readFileSync(path.join(app, 'Dockerfile'));
    const again = await runCli(['fix', '--yes'], { cwd: app, env });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('nothing to fix');
    expect(readFileSync(path.join(app, 'Dockerfile')).equals(fixed)).toBe(true);
    expect(readdirSync(app).filter((f) => f.includes('.harden-init.')).sort()).toEqual(['Dockerfile.harden-init.bak']);
  });

  it('numbers the backup when one exists already, never overwriting it', async () => {
    writeFileSync(path.join(app, 'Dockerfile.harden-init.bak'), 'an older backup\n');
    const result = await runCli(['fix', '--yes', '.'], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Dockerfile -> Dockerfile\.harden-init\.1\.bak/);
    expect(readFileSync(path.join(app, 'Dockerfile.harden-init.bak'), 'utf8')).toBe('an older backup\n');
    expect(readFileSync(path.join(app, 'Dockerfile.harden-init.1.bak')).equals(original)).toBe(true);
  });

  it('takes the app folder as an argument', async () => {
    const result = await runCli(['fix', '--yes', 'shop'], { cwd: path.dirname(app), env });
    expect(result.exitCode).toBe(0);
    expect(existsSync(path.join(app, 'Dockerfile.harden-init.bak'))).toBe(true);
  });

  it('--dry-run prints every action with why, effect and diff, and writes nothing', async () => {
    const result = await runCli(['fix', '--dry-run'], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\[x\] Replace `ADD` with `COPY`/m);
    expect(result.stdout).toContain('    effect: removes 1 lint finding (HI401)');
    expect(result.stdout).toContain('    -ADD package.json server.js /app/');
    expect(result.stdout).toContain('    +COPY package.json server.js /app/');
    expect(result.stdout).toMatch(/^\d+ of \d+ action\(s\) selected, expected to remove \d+ finding\(s\)$/m);
    expect(result.stdout).toContain('dry run: nothing written');
    expect(readFileSync(path.join(app, 'Dockerfile')).equals(original)).toBe(true);
    expect(readdirSync(app).some((f) => f.includes('.harden-init.'))).toBe(false);
  });

  it('not a terminal and no --yes: shows the plan, applies nothing, says how to apply', async () => {
    const result = await runCli(['fix'], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('[x] Add `USER 10001:10001`');
    expect(result.stdout).toContain('not a terminal: nothing applied; run `harden-init fix --yes`');
    expect(readFileSync(path.join(app, 'Dockerfile')).equals(original)).toBe(true);
  });

  it('honours the app\'s .hadolint.yaml: an ignored rule is neither counted nor fixed', async () => {
    writeFileSync(path.join(app, '.hadolint.yaml'), 'ignored:\n  - DL3020\n');
    const result = await runCli(['fix', '--yes'], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(app, 'Dockerfile'), 'utf8')).toContain('ADD package.json server.js /app/');
    expect((await lintJson()).map((f) => f.code)).not.toContain('HI401');
    expect(result.stdout).not.toContain('HI401');
    expect(readFileSync(path.join(app, 'Dockerfile'), 'utf8')).toContain('CMD ["node", "server.js"]');
  });

  it('--image with no engine: says the image is not checked and fixes the Dockerfile alone', async () => {
    const result = await runCli(['fix', '--yes', '--image', 'shop:1.0'], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('note: no Docker engine: shop:1.0 not audited, rebuilt or scanned; only the Dockerfile is checked');
    expect(result.stdout).toMatch(/^lint +\d+ -> \d+ finding\(s\)/m);
    expect(result.stdout).not.toMatch(/^(rebuilding|audit )/m);
  });

  it('no Dockerfile: exit 2, one line naming the file and what to do', async () => {
    const empty = path.join(path.dirname(app), 'empty');
    cpSync(path.join(fixture, 'server.js'), path.join(empty, 'server.js'));
    const result = await runCli(['fix', '--yes'], { cwd: empty, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^harden-init: no Dockerfile to fix \(Dockerfile\): run `harden-init` first/);
  });
});

describeCorpus('harden-init fix --from-report (a real Trivy report from the corpus)', () => {
  const report = path.join(corpusDir, 'scanner-reports/trivy/trivy-repo__debian-buster.json.golden');
  const dockerfile = ['FROM debian:10', 'COPY app /app', 'USER 10001:10001', 'CMD ["/app"]', ''].join('\n');

  it('plans the OS upgrade the report asks for, applies it, and says the scan is to be repeated on a rebuild', async () => {
    writeFileSync(path.join(app, 'Dockerfile'), dockerfile);
    const scanned = JSON.parse((await runCli(['scan', '--from-report', report, '--format', 'json'], { env })).stdout) as { id: string; package: string; fixedIn: string | null }[];
    const fixable = scanned.filter((f) => f.fixedIn !== null);
    expect(fixable.length).toBeGreaterThan(0);

    const result = await runCli(['fix', '--yes', '--from-report', report], { cwd: app, env });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`scan   not repeated: rebuild the image and scan it again; the plan expects ${fixable.length} of its ${scanned.length} finding(s) to go`);
    const after = readFileSync(path.join(app, 'Dockerfile'), 'utf8');
    for (const f of fixable) expect(after).toContain(`${f.package}=${f.fixedIn}`);
    expect(readFileSync(path.join(app, 'Dockerfile.harden-init.bak'), 'utf8')).toBe(dockerfile);
    // the upgrade brings no lint finding of its own
    expect((await lintJson()).map((f) => f.code)).toEqual(lintText(dockerfile, 'Dockerfile').map((f) => f.code));
  });

  it('an unreadable report: exit 2, one line naming the flag', async () => {
    const result = await runCli(['fix', '--dry-run', '--from-report', 'missing.json'], { cwd: app, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^harden-init: cannot read the report: ENOENT \(missing\.json\): check the path given to --from-report/);
  });
});

describeCorpus('harden-init fix --yes on corpus Dockerfiles (built CLI, re-checked with lint --format json)', () => {
  const dockerfilesDir = path.join(corpusDir, 'dockerfiles');

  /** A fixed sample: the first files (by name) whose plan has at least three lint fixes. */
  function sample(): { name: string; promised: Map<string, number>; before: LintFinding[] }[] {
    const picked = [];
    for (const name of readdirSync(dockerfilesDir).filter((n) => /dockerfile$/i.test(n)).sort()) {
      const text = readFileSync(path.join(dockerfilesDir, name), 'utf8');
      if (/^\s*#\s*escape\s*=/im.test(text)) continue;
      const before = lintText(text, 'Dockerfile');
      const actions = planFixes({ dockerfile: 'Dockerfile', files: { Dockerfile: text }, lintFindings: before, fixableCodes: fixableLintCodes(), fixLint: fixLintCodes, lint: lintText, scanRecords: [], bases: [] });
      const lintFixes = actions.filter((a) => a.kind === 'lint-fix');
      if (lintFixes.length < 3) continue;
      picked.push({ name, promised: new Map(lintFixes.map((a) => [a.id.replace(/^lint:/, ''), a.removes.length])), before });
      if (picked.length === 4) break;
    }
    return picked;
  }

  it('removes every lint finding it promised, keeps a byte-identical backup', async () => {
    const files = sample();
    expect(files).toHaveLength(4);
    for (const { name, promised, before } of files) {
      copyFileSync(path.join(dockerfilesDir, name), path.join(app, 'Dockerfile'));
      rmSync(path.join(app, 'Dockerfile.harden-init.bak'), { force: true });
      const result = await runCli(['fix', '--yes'], { cwd: app, env });
      expect({ name, exitCode: result.exitCode, stderr: result.stderr }).toEqual({ name, exitCode: 0, stderr: '' });
      expect(readFileSync(path.join(app, 'Dockerfile.harden-init.bak')).equals(readFileSync(path.join(dockerfilesDir, name)))).toBe(true);
      const after = await lintJson();
      for (const [code, n] of promised) expect({ name, code, left: count(after, code) }).toEqual({ name, code, left: count(before, code) - n });
      expect(result.stdout).toContain(`lint   ${before.length} -> ${after.length} finding(s)`);
    }
  }, 60_000);
});
