import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { describeDocker } from '../helpers/requirements.js';
import { expectValidSarif } from '../sarif/sarif-shape.js';

const BASE = '127.0.0.1:5000/library/debian:13.2-slim';
const IMAGE = 'harden-init-test/scan-auto-fallback:1';
const DOCKER = '/usr/bin/docker';

interface Finding {
  id: string;
  package: string;
  scanner: string;
  severity: string;
}

/**
 * `--scanner auto` with no scanner installed: a PATH holding only `node` (no trivy, grype, docker
 * or snyk) and an empty Docker config, against an image built here that runs as root and carries
 * a setuid file of its own. The built-in audit must run in their place, over the real engine.
 */
describeDocker('scan --scanner auto without any scanner on PATH (built CLI)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hi-auto-'));
  const bin = path.join(dir, 'bin');
  const env = { PATH: bin, HOME: dir, DOCKER_CONFIG: path.join(dir, '.docker') };

  beforeAll(async () => {
    await execa('mkdir', ['-p', bin, env.DOCKER_CONFIG]);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${BASE}\nRUN mkdir /app && cp /bin/true /app/tool && chmod 4755 /app/tool\n`);
    await execa(DOCKER, ['build', '-q', '-t', IMAGE, dir], { env: { DOCKER_BUILDKIT: '1' } });
  }, 180_000);

  afterAll(async () => {
    await execa(DOCKER, ['rmi', IMAGE], { reject: false });
  });

  it('falls back to the built-in audit, says so, and exits 1 on its findings', async () => {
    const auto = await runCli(['scan', IMAGE, '--format', 'json'], { env, cwd: dir });
    expect(auto.stderr).toMatch(/note: no vulnerability scanner on PATH \(trivy, grype, docker scout, snyk\): ran the built-in audit only/);
    expect(auto.exitCode).toBe(1);
    const findings = JSON.parse(auto.stdout) as Finding[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.scanner === 'builtin')).toBe(true);
    expect(findings.map((f) => f.id)).toContain('HI801');
    expect(findings).toContainEqual(expect.objectContaining({ id: 'HI803', package: '/app/tool' }));

    // The same findings as asking for the built-in audit by name.
    const builtin = await runCli(['scan', IMAGE, '--scanner', 'builtin', '--format', 'json'], { env, cwd: dir });
    expect(builtin.exitCode).toBe(1);
    expect(JSON.parse(builtin.stdout)).toEqual(findings);
    expect(builtin.stderr).not.toMatch(/no vulnerability scanner/);
  }, 180_000);

  it('the tty view names the fallback under the findings', async () => {
    const result = await runCli(['scan', IMAGE], { env, cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^HIGH +HI801 /m);
    expect(result.stdout).toMatch(/ran the built-in audit only; install Trivy or Grype for CVE findings/);
  }, 180_000);

  it('SARIF of the fallback is valid for code scanning', async () => {
    const result = await runCli(['scan', IMAGE, '--format', 'sarif'], { env, cwd: dir });
    expect(result.exitCode).toBe(1);
    const log = JSON.parse(result.stdout);
    expectValidSarif(log);
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'HI801');
    expect(rule.helpUri).toMatch(/\/src\/audit\/rules\/run-as-non-root\.ts$/);
  }, 180_000);
});
