import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditFinding } from '../../src/audit/types.js';
import type { LintFinding } from '../../src/lint/types.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { describeDocker } from '../helpers/requirements.js';

const DOCKER = '/usr/bin/docker';
const env = { HARDEN_INIT_DOCKER: DOCKER, DOCKER_BUILDKIT: '1' };
const run = Date.now().toString(36);

/** An app whose image (on the stand-in Debian base) runs as root and keeps setuid binaries. */
const DOCKERFILE = [
  'FROM 127.0.0.1:5000/library/debian:13.2-slim',
  'MAINTAINER someone@example.com',
  'WORKDIR /app',
  'ADD server.sh /app/',
  'CMD /app/server.sh',
  '',
].join('\n');

function makeApp(name: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'hi-fix-image-')), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILE);
  writeFileSync(path.join(dir, 'server.sh'), '#!/bin/sh\necho ok\n');
  chmodSync(path.join(dir, 'server.sh'), 0o755);
  return dir;
}

/** Image ids this suite made (a rebuild leaves the previous one untagged): removed at the end. */
const built: string[] = [];

function build(dir: string, tag: string): void {
  execFileSync(DOCKER, ['build', '-q', '-t', tag, dir], { env: { ...process.env, DOCKER_BUILDKIT: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  built.push(execFileSync(DOCKER, ['image', 'inspect', '-f', '{{.Id}}', tag], { encoding: 'utf8' }).trim());
}

async function audit(tag: string): Promise<AuditFinding[]> {
  const result = await runCli(['audit', tag, '--format', 'json'], { env });
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { findings: AuditFinding[] }).findings;
}

async function lint(dir: string): Promise<LintFinding[]> {
  return JSON.parse((await runCli(['lint', '--format', 'json'], { cwd: dir, env })).stdout) as LintFinding[];
}

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describeDocker('fix rebuilds and re-audits the image (Docker engine, stand-in base)', () => {
  const tags: string[] = [];
  const dirs: string[] = [];
  let dir: string;
  let tag: string;
  let auditBefore: AuditFinding[];
  let lintBefore: LintFinding[];
  let fixed: CliResult;

  beforeAll(async () => {
    dir = makeApp('shop');
    dirs.push(dir);
    tag = `harden-init-test/fix-${run}:1`;
    tags.push(tag);
    build(dir, tag);
    auditBefore = await audit(tag);
    lintBefore = await lint(dir);
    fixed = await runCli(['fix', '--yes', '--image', tag], { cwd: dir, env });
  }, 180_000);

  afterAll(() => {
    // Exit codes ignored: an id may be gone already (its tag removed it) or shared with another tag.
    spawnSync(DOCKER, ['rmi', '-f', ...tags], { stdio: 'ignore' });
    spawnSync(DOCKER, ['rmi', ...built], { stdio: 'ignore' });
    for (const d of dirs) rmSync(path.dirname(d), { recursive: true, force: true });
  });

  it('the image had the audit findings the plan targets', () => {
    expect(ids(auditBefore)).toContain('HI801');
    expect(ids(auditBefore).filter((id) => id === 'HI803').length).toBeGreaterThan(3);
  });

  it('applies the plan with a backup, rebuilds, and prints before/after counts of lint and audit', async () => {
    expect(fixed.stderr).toBe('');
    expect(fixed.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'Dockerfile.harden-init.bak'), 'utf8')).toBe(DOCKERFILE);
    const auditAfter = await audit(tag);
    const lintAfter = await lint(dir);
    expect(fixed.stdout).toContain(`lint   ${lintBefore.length} -> ${lintAfter.length} finding(s)`);
    expect(fixed.stdout).toMatch(new RegExp(`^rebuilt ${tag} in \\d+\\.\\ds$`, 'm'));
    expect(fixed.stdout).toContain(`audit  ${auditBefore.length} -> ${auditAfter.length} finding(s) (${auditBefore.length - auditAfter.length} removed)`);
    expect(fixed.stdout).toContain('scan   not run (no vulnerability scanner on PATH');
  });

  it('the audit findings it promised are gone from the rebuilt image; the ones it had no change for remain', async () => {
    const after = ids(await audit(tag));
    expect(after).not.toContain('HI801');
    expect(after).not.toContain('HI803');
    for (const id of ['HI808', 'HI809']) if (ids(auditBefore).includes(id)) expect(after).toContain(id);
    const inspect = JSON.parse(execFileSync(DOCKER, ['image', 'inspect', tag], { encoding: 'utf8' })) as { Config: { User: string } }[];
    expect(inspect[0].Config.User).toBe('10001:10001');
  });

  it('and the lint findings it promised are gone on re-lint (the base now pinned to the digest the registry serves)', async () => {
    const after = new Set((await lint(dir)).map((f) => f.code));
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toMatch(/^FROM 127\.0\.0\.1:5000\/library\/debian:13\.2-slim@sha256:[0-9a-f]{64}$/m);
    for (const code of ['HI103', 'HI201', 'HI401', 'HI501', 'HI701']) {
      expect(lintBefore.map((f) => f.code)).toContain(code);
      expect(after.has(code)).toBe(false);
    }
  });

  it('without --image, checks the image `harden-init build` made of the app (its default tag)', async () => {
    const app = makeApp(`fixshop-${run}`);
    dirs.push(app);
    const defaultTag = `fixshop-${run}:latest`;
    tags.push(defaultTag);
    build(app, defaultTag);
    const result = await runCli(['fix', '--yes'], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`note: auditing ${defaultTag}, the image harden-init build made of this app`);
    expect(result.stdout).toMatch(/^audit +\d+ -> \d+ finding\(s\) \(\d+ removed\)$/m);
    expect(ids(await audit(defaultTag))).not.toContain('HI801');
  }, 120_000);

  it('a USER by name becomes the uid:gid the image gives it, verified on the rebuilt image', async () => {
    const app = makeApp(`fixuser-${run}`);
    dirs.push(app);
    writeFileSync(path.join(app, 'Dockerfile'), DOCKERFILE.replace('CMD', 'RUN useradd --uid 10002 --user-group --no-log-init shop\nUSER shop\nCMD'));
    const userTag = `harden-init-test/fix-user-${run}:1`;
    tags.push(userTag);
    build(app, userTag);
    expect(ids(await audit(userTag))).toContain('HI802');
    const result = await runCli(['fix', '--yes', '--image', userTag], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Run as USER 10002:10002');
    expect(readFileSync(path.join(app, 'Dockerfile'), 'utf8')).toMatch(/^USER 10002:10002$/m);
    const inspect = JSON.parse(execFileSync(DOCKER, ['image', 'inspect', userTag], { encoding: 'utf8' })) as { Config: { User: string } }[];
    expect(inspect[0].Config.User).toBe('10002:10002');
    expect(ids(await audit(userTag))).not.toContain('HI802');
  }, 180_000);

  it('--image the engine does not have: says how to build it and plans from the Dockerfile alone', async () => {
    const result = await runCli(['fix', '--dry-run', '--image', `harden-init-test/fix-missing-${run}:1`], { cwd: dir, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`note: the engine has no image harden-init-test/fix-missing-${run}:1: build it first (harden-init build --tag harden-init-test/fix-missing-${run}:1)`);
    expect(result.stdout).not.toContain('audit finding');
  });

  it('--dry-run plans the image fixes with their audit promises and builds nothing', async () => {
    const app = makeApp('dry');
    dirs.push(app);
    const dryTag = `harden-init-test/fix-dry-${run}:1`;
    tags.push(dryTag);
    build(app, dryTag);
    const id = execFileSync(DOCKER, ['image', 'inspect', '-f', '{{.Id}}', dryTag], { encoding: 'utf8' }).trim();
    const result = await runCli(['fix', '--dry-run', '--image', dryTag], { cwd: app, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^\[x\] Drop setuid\/setgid bits in the final stage/m);
    expect(result.stdout).toMatch(/effect: removes \d+ audit findings \(HI803\) once rebuilt/);
    expect(result.stdout).toContain('effect: removes 1 lint finding (HI201) and 1 audit finding (HI801) once rebuilt');
    expect(readFileSync(path.join(app, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
    expect(execFileSync(DOCKER, ['image', 'inspect', '-f', '{{.Id}}', dryTag], { encoding: 'utf8' }).trim()).toBe(id);
  }, 120_000);
});
