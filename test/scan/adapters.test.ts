import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { reportedError } from '../../src/scan/exec.js';
import { parseJsonOutput, parseReportText } from '../../src/scan/report.js';
import { parseScoutReportDetailed } from '../../src/scan/scout.js';
import { parseSnykReportDetailed } from '../../src/scan/snyk.js';
import { parseTrivyReportDetailed } from '../../src/scan/trivy.js';
import { SEVERITIES } from '../../src/scan/severity.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');


/**
 * test/scan/fixtures/snyk-container-test.json follows `snyk container test --json --file=Dockerfile`:
 * one entry per vulnerable dependency path, OS packages named `source/binary`, `severityWithCritical`
 * next to an older `severity`, an empty `nearestFixedInVersion`, a runtime binary found outside the
 * package manager (`from: ["Upstream", ...]`, also listed under `docker.binariesVulns`), and the
 * language packages in `applications[]` (whose `docker` is `{}`).
 */
describe('snyk adapter (snyk container test --json)', () => {
  const report = parseSnykReportDetailed(JSON.parse(fixture('snyk-container-test.json')));
  const find = (id: string, pkg: string) => report.records.find((r) => r.finding.id === id && r.finding.package === pkg);

  it('keeps every (vulnerability, package) pair once, with every dependency path', () => {
    expect(report.records.map((r) => `${r.finding.id}|${r.finding.package}@${r.finding.installed}`).sort()).toEqual(
      [
        'CVE-2024-0727|libssl3@3.0.11-1~deb12u2',
        'CVE-2024-0727|openssl@3.0.11-1~deb12u2',
        'CVE-2023-45853|zlib1g@1:1.2.13.dfsg-1',
        'CVE-2023-45854|zlib1g@1:1.2.13.dfsg-1',
        'CVE-2024-2398|curl@7.88.1-10+deb12u5',
        'CVE-2024-22019|node@18.19.0',
        'CVE-2022-24999|qs@6.7.0',
        'npm:debug:20170905|debug@2.6.8',
      ].sort(),
    );
    expect(find('CVE-2024-0727', 'libssl3')?.introducedBy).toEqual([['ca-certificates@20230311', 'openssl@3.0.11-1~deb12u2', 'openssl/libssl3@3.0.11-1~deb12u2']]);
    expect(find('CVE-2022-24999', 'qs')?.introducedBy).toEqual([
      ['express@4.17.1', 'qs@6.7.0'],
      ['express@4.17.1', 'body-parser@1.19.0', 'qs@6.7.0'],
    ]);
  });

  it('normalises severities, preferring severityWithCritical', () => {
    expect(report.records.every((r) => SEVERITIES.includes(r.finding.severity))).toBe(true);
    expect(find('CVE-2023-45853', 'zlib1g')?.finding.severity).toBe('critical');
    expect(find('CVE-2024-2398', 'curl')?.finding.severity).toBe('low');
    expect(find('npm:debug:20170905', 'debug')?.finding.severity).toBe('low');
  });

  it('keeps fixedIn: the nearest fixed version, else the first listed, else null', () => {
    expect(find('CVE-2024-0727', 'libssl3')?.finding.fixedIn).toBe('3.0.13-1~deb12u1');
    expect(find('CVE-2023-45853', 'zlib1g')?.finding.fixedIn).toBeNull();
    expect(find('CVE-2022-24999', 'qs')?.finding.fixedIn).toBe('6.2.4');
    expect(find('CVE-2024-22019', 'node')?.finding.fixedIn).toBe('18.19.1');
  });

  it('takes base or app from the Dockerfile mapping, and OS packages from the container project', () => {
    expect(find('CVE-2024-0727', 'libssl3')?.finding.source).toBe('base');
    expect(find('CVE-2024-2398', 'curl')).toMatchObject({ finding: { source: 'app' }, ecosystem: 'os', path: 'my-app:1.0' });
    expect(find('CVE-2024-22019', 'node')).toMatchObject({ finding: { source: 'base' }, ecosystem: 'binary' });
    expect(find('CVE-2022-24999', 'qs')).toMatchObject({ finding: { source: 'app', url: 'https://security.snyk.io/vuln/SNYK-JS-QS-3153490' }, ecosystem: 'npm', path: '/app/package.json' });
    expect(report).toMatchObject({ scanner: 'snyk', image: 'my-app:1.0', os: 'debian 12' });
  });

  it('is detected by --from-report, alone or as an array of projects', () => {
    expect(parseReportText(fixture('snyk-container-test.json'), 'snyk.json').records).toHaveLength(8);
    expect(parseReportText(`[${fixture('snyk-container-test.json')}]`, 'snyk.json').scanner).toBe('snyk');
  });

  it('an error object is an input error carrying Snyk\'s message, not an empty scan', () => {
    expect(() => parseReportText(fixture('snyk-error.json'), 'snyk.json')).toThrow(InputError);
    expect(() => parseReportText(fixture('snyk-error.json'), 'snyk.json')).toThrow(/Authentication error \(SNYK-0005\)$/);
    expect(reportedError(fixture('snyk-error.json'))).toBe('Authentication error (SNYK-0005)');
  });
});

/**
 * test/scan/fixtures/scout-cves.sarif follows `docker scout cves --format sarif`: every rule is
 * named OsPackageVulnerability (npm ones too), its properties carry `purls` (or, in older
 * versions, one `purl`), `affected_version` as a range and `cvssV3_severity`; each result names
 * its package in a padded `Package : <purl>` line, may list several file locations, and may carry
 * VEX suppressions.
 */
describe('docker scout adapter (docker scout cves --format sarif)', () => {
  const report = parseScoutReportDetailed(JSON.parse(fixture('scout-cves.sarif')));
  const findings = report.records.map((r) => r.finding);

  it('one finding per result, each with its own package and installed version', () => {
    expect(findings.map((f) => `${f.id}|${f.package}@${f.installed}`)).toEqual([
      'CVE-2024-0727|openssl@3.0.11-1~deb12u2',
      'CVE-2022-25883|semver@7.3.5',
      'CVE-2022-25883|semver@5.7.1',
      'CVE-2005-2541|tar@1.34+dfsg-1.2+deb12u1',
      'CVE-2022-24999|qs@6.7.0',
    ]);
    expect(report.records.map((r) => r.path)).toEqual([
      '/usr/lib/x86_64-linux-gnu/libssl.so.3',
      '/app/node_modules/semver/package.json',
      '/app/node_modules/make-dir/node_modules/semver/package.json',
      '/var/lib/dpkg/status',
      '/app/node_modules/qs/package.json',
    ]);
  });

  it('the purl type, not the rule name, tells OS packages from app ones', () => {
    expect(findings.map((f) => f.source)).toEqual(['base', 'app', 'app', 'base', 'app']);
    expect(report.records.map((r) => r.ecosystem)).toEqual(['os', 'npm', 'npm', 'os', 'npm']);
  });

  it('normalises severities; UNSPECIFIED is unknown, not its placeholder score', () => {
    expect(findings.map((f) => f.severity)).toEqual(['medium', 'high', 'high', 'unknown', 'high']);
  });

  it('keeps each result\'s own fixed version, none for "not fixed", and never takes the affected range for the installed version', () => {
    expect(findings.map((f) => f.fixedIn)).toEqual(['3.0.13-1~deb12u1', '7.5.2', '5.7.2', null, '6.7.3']);
    expect(findings.every((f) => !/[<>=]/.test(f.installed))).toBe(true);
    expect(findings[0]).toMatchObject({ scanner: 'scout', url: 'https://scout.docker.com/v/CVE-2024-0727' });
  });

  it('is detected by --from-report, also with the "What\'s Next?" text older versions print after it', () => {
    const stdout = `${fixture('scout-cves.sarif')}\nWhat's Next?\n  View base image update recommendations → docker scout recommendations my-app:1.0\n\n`;
    expect(() => JSON.parse(stdout)).toThrow();
    expect(parseJsonOutput(stdout)).toEqual(JSON.parse(fixture('scout-cves.sarif')));
    const parsed = parseReportText(stdout, 'scout.sarif');
    expect(parsed.scanner).toBe('scout');
    expect(parsed.records).toHaveLength(5);
  });
});

describe('trivy dependency tree', () => {
  it('walks DependsOn up to the top-level package', () => {
    const report = parseTrivyReportDetailed({
      SchemaVersion: 2,
      ArtifactName: 'app',
      Results: [
        {
          Target: 'package-lock.json',
          Class: 'lang-pkgs',
          Type: 'npm',
          Packages: [
            { ID: 'app@1.0.0', Name: 'app', Version: '1.0.0', DependsOn: ['express@4.16.0'] },
            { ID: 'express@4.16.0', Name: 'express', Version: '4.16.0', DependsOn: ['qs@6.5.2'] },
            { ID: 'qs@6.5.2', Name: 'qs', Version: '6.5.2' },
          ],
          Vulnerabilities: [{ VulnerabilityID: 'CVE-2022-24999', PkgID: 'qs@6.5.2', PkgName: 'qs', InstalledVersion: '6.5.2', FixedVersion: '6.5.3', Severity: 'HIGH' }],
        },
      ],
    });
    expect(report.records[0].introducedBy).toEqual([['app@1.0.0', 'express@4.16.0', 'qs@6.5.2']]);
    expect(report.records[0].finding).toMatchObject({ source: 'app', fixedIn: '6.5.3', severity: 'high' });
  });
});
