import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';
import { expectValidSarif } from '../sarif/sarif-shape.js';

/** A PATH holding only `node`: the CLI runs, and no scanner can be found. */
function pathWithOnlyNode(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hi-path-'));
  symlinkSync(process.execPath, path.join(dir, 'node'));
  return dir;
}

describe('scan without the scanner installed (built CLI)', () => {
  const PATH = pathWithOnlyNode();
  const HOME = mkdtempSync(path.join(os.tmpdir(), 'hi-home-'));
  for (const [scanner, name, hint] of [
    ['trivy', 'Trivy', /install Trivy/],
    ['grype', 'Grype', /install Grype/],
    ['scout', 'Docker Scout', /Docker Scout CLI plugin/],
    ['snyk', 'Snyk', /npm install -g snyk/],
  ] as const) {
    it(`--scanner ${scanner}: exit 3, names ${name} and how to install it`, async () => {
      const result = await runCli(['scan', 'my-app:1.0', '--scanner', scanner], { env: { PATH, HOME, DOCKER_CONFIG: HOME } });
      expect(result.exitCode).toBe(3);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^harden-init: ${name} is not installed`));
      expect(lines[0]).toMatch(hint);
      expect(result.stdout).toBe('');
    });
  }

  it('needs an image or a report', async () => {
    const result = await runCli(['scan'], { env: { PATH } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/no image to scan.*--from-report/);
  });
});

describeCorpus('scan --from-report (built CLI)', () => {
  const alpine = path.join(corpusDir, 'scanner-reports/trivy/trivy-repo__alpine-310.json.golden');
  it('prints valid SARIF and exits 1 on findings', async () => {
    const result = await runCli(['scan', '--from-report', alpine, '--format', 'sarif']);
    expect(result.exitCode).toBe(1);
    expectValidSarif(JSON.parse(result.stdout), 4);
  });

  it('--severity filters and sets the threshold', async () => {
    const high = await runCli(['scan', '--from-report', alpine, '--severity', 'high', '--format', 'json']);
    expect(high.exitCode).toBe(0);
    expect(JSON.parse(high.stdout)).toEqual([]);
    const medium = await runCli(['scan', '--from-report', alpine, '--severity', 'medium', '--format', 'json']);
    expect(medium.exitCode).toBe(1);
    const findings = JSON.parse(medium.stdout);
    expect(findings).toHaveLength(4);
    expect(Object.keys(findings[0]).sort()).toEqual(['fixedIn', 'id', 'installed', 'package', 'scanner', 'severity', 'source', 'title', 'url']);
  });

  it('groups the same CVE found at two paths in the tty view', async () => {
    const result = await runCli(['scan', '--from-report', path.join(corpusDir, 'scanner-reports/grype/defectdojo__same_cve_different_paths.json')]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout.match(/^CRITICAL +CVE-2021-33574 /gm)).toHaveLength(1);
    expect(result.stdout).toContain('at /lib/x86_64-linux-gnu/libc.so.6');
    expect(result.stdout).toContain('at /usr/lib/x86_64-linux-gnu/libc.so.6');
    expect(result.stdout).toMatch(/2 findings \(2 critical\)/);
  });

  it('refuses a hadolint report with exit 2', async () => {
    const result = await runCli(['scan', '--from-report', path.join(corpusDir, 'scanner-reports/hadolint/defectdojo__one_dockerfile.json')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/hadolint report.*harden-init lint/);
  });
});

/** Saved Scout and Snyk reports (test/scan/fixtures) through the built CLI. */
describe('scan --from-report with Scout and Snyk reports (built CLI)', () => {
  const fixtures = path.join(import.meta.dirname, 'fixtures');

  it('Scout SARIF in, SARIF for code scanning out: one result per finding', async () => {
    const result = await runCli(['scan', '--from-report', path.join(fixtures, 'scout-cves.sarif'), '--format', 'sarif']);
    expect(result.exitCode).toBe(1);
    const log = JSON.parse(result.stdout);
    expectValidSarif(log, 5);
    expect(log.runs[0].results.filter((r: { properties: { scanner: string } }) => r.properties.scanner === 'scout')).toHaveLength(5);
  });

  it('Snyk JSON in, the SPEC findings out; --severity high keeps high and critical only', async () => {
    const result = await runCli(['scan', '--from-report', path.join(fixtures, 'snyk-container-test.json'), '--format', 'json', '--severity', 'high']);
    expect(result.exitCode).toBe(1);
    const findings = JSON.parse(result.stdout) as { id: string; severity: string }[];
    expect(findings.map((f) => `${f.id}:${f.severity}`)).toEqual(['CVE-2023-45853:critical', 'CVE-2023-45854:critical', 'CVE-2022-24999:high', 'CVE-2024-22019:high']);
  });

  it('a Snyk error report is exit 2 with Snyk\'s message', async () => {
    const result = await runCli(['scan', '--from-report', path.join(fixtures, 'snyk-error.json')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Authentication error \(SNYK-0005\)/);
  });
});
