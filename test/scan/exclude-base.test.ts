import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { describeDocker } from '../helpers/requirements.js';

const BASE = '127.0.0.1:5000/library/debian:13.2-slim';
const IMAGE = 'harden-init-test/scan-exclude-base:1';
const DOCKER = '/usr/bin/docker';

/**
 * An image built FROM the stand-in base plus one layer with a known extra package (left-pad). No
 * Trivy/Grype can run here, so the report is written in Trivy's format against the image's REAL
 * layer diff ids: libc6 in the base layer, left-pad and an OS tool in the app layer.
 */
describeDocker('scan --exclude-base and --file against a built image', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hi-exclude-base-'));
  let diffIds: string[] = [];

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'node_modules/left-pad'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules/left-pad/package.json'), '{"name":"left-pad","version":"1.1.0"}\n');
    writeFileSync(path.join(dir, 'Dockerfile'), `FROM ${BASE}\nWORKDIR /app\nCOPY node_modules /app/node_modules\nRUN cp /bin/true /app/tool && chmod 4755 /app/tool\nUSER 10001:10001\n`);
    await execa(DOCKER, ['build', '-q', '-t', IMAGE, dir], { env: { DOCKER_BUILDKIT: '1' } });
    const inspect = await execa(DOCKER, ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', IMAGE]);
    diffIds = JSON.parse(inspect.stdout);
    const vuln = (id: string, pkg: string, layer: string) => ({ VulnerabilityID: id, PkgName: pkg, InstalledVersion: '1.0', FixedVersion: '1.1', Severity: 'HIGH', Layer: { DiffID: layer } });
    writeFileSync(
      path.join(dir, 'report.json'),
      JSON.stringify({
        SchemaVersion: 2,
        ArtifactName: IMAGE,
        Metadata: { DiffIDs: diffIds },
        Results: [
          { Target: `${IMAGE} (debian 13.2)`, Class: 'os-pkgs', Type: 'debian', Vulnerabilities: [vuln('CVE-2000-0001', 'libc6', diffIds[0]), vuln('CVE-2000-0002', 'extra-os-tool', diffIds[diffIds.length - 1])] },
          { Target: 'Node.js', Class: 'lang-pkgs', Type: 'node-pkg', Vulnerabilities: [vuln('CVE-2000-0003', 'left-pad', diffIds[diffIds.length - 2])] },
        ],
      }),
    );
  });

  it('the image has the base layers plus its own', async () => {
    const base = await execa(DOCKER, ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', BASE]);
    const baseIds: string[] = JSON.parse(base.stdout);
    expect(diffIds.slice(0, baseIds.length)).toEqual(baseIds);
    expect(diffIds.length).toBeGreaterThan(baseIds.length);
  });

  it('--exclude-base drops what lives in base layers and keeps the app layer, OS package or not', async () => {
    const result = await runCli(['scan', IMAGE, '--from-report', 'report.json', '--exclude-base', '--file', 'Dockerfile', '--format', 'json'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const findings = JSON.parse(result.stdout);
    expect(findings.map((f: { package: string; source: string }) => `${f.package}:${f.source}`).sort()).toEqual(['extra-os-tool:app', 'left-pad:app']);
    expect(result.stderr).toMatch(/1 finding\(s\) from the base image left out/);
  });

  it('--file maps base findings to the FROM line and app findings to the instruction that made their layer', async () => {
    const result = await runCli(['scan', IMAGE, '--from-report', 'report.json', '--file', 'Dockerfile', '--format', 'json'], { cwd: dir });
    const findings = JSON.parse(result.stdout) as { package: string; dockerfile: { line: number; stage: string } }[];
    const line = (pkg: string) => findings.find((f) => f.package === pkg)?.dockerfile;
    expect(line('libc6')).toEqual({ file: 'Dockerfile', line: 1, stage: '0' });
    expect(line('left-pad')).toEqual({ file: 'Dockerfile', line: 3, stage: '0' });
    // The report's "extra-os-tool" sits in the last layer, which RUN on line 4 made.
    expect(line('extra-os-tool')).toEqual({ file: 'Dockerfile', line: 4, stage: '0' });
  });

  it('--scanner builtin: audit findings from base layers are dropped, the app layer setuid file stays', async () => {
    const all = await runCli(['scan', IMAGE, '--scanner', 'builtin', '--format', 'json'], { cwd: dir });
    const excluded = await runCli(['scan', IMAGE, '--scanner', 'builtin', '--exclude-base', '--file', 'Dockerfile', '--format', 'json'], { cwd: dir });
    expect(all.stderr).not.toMatch(/not available/);
    const before = JSON.parse(all.stdout) as { id: string; package: string; scanner: string }[];
    const after = JSON.parse(excluded.stdout) as { id: string; package: string; source: string; dockerfile: { line: number } }[];
    expect(before.every((f) => f.scanner === 'builtin')).toBe(true);
    const tool = after.find((f) => f.package === '/app/tool');
    expect(tool).toMatchObject({ source: 'app', dockerfile: { line: 4 } });
    // Everything the base image brought (its setuid binaries, if the audit flags any) is gone.
    const baseOnly = before.filter((f) => f.package.startsWith('/') && !f.package.startsWith('/app'));
    for (const f of baseOnly) expect(after.some((a) => a.id === f.id && a.package === f.package)).toBe(false);
    expect(after.length).toBe(before.length - baseOnly.length);
  }, 180_000);

  it('--exclude-base without a way to know the base is a usage error', async () => {
    const result = await runCli(['scan', IMAGE, '--exclude-base'], { cwd: dir, env: { PATH: process.env.PATH } });
    expect([2, 3]).toContain(result.exitCode);
  });
});
