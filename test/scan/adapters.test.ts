import { describe, expect, it } from 'vitest';
import { parseReportText } from '../../src/scan/report.js';
import { parseScoutReport } from '../../src/scan/scout.js';
import { parseSnykReport, parseSnykReportDetailed } from '../../src/scan/snyk.js';
import { parseTrivyReportDetailed } from '../../src/scan/trivy.js';

/** The shape of `snyk container test --json`: OS packages at the top, language packages under applications. */
const snykReport = {
  ok: false,
  packageManager: 'deb',
  path: 'my-app:1.0',
  platform: 'linux/amd64',
  docker: { baseImage: 'debian:12-slim' },
  vulnerabilities: [
    {
      id: 'SNYK-DEBIAN12-OPENSSL-1234',
      title: 'Out-of-bounds Write',
      severity: 'high',
      packageName: 'openssl/libssl3',
      version: '3.0.11-1~deb12u2',
      from: ['docker-image|my-app@1.0', 'openssl/libssl3@3.0.11-1~deb12u2'],
      fixedIn: ['3.0.13-1~deb12u1'],
      nearestFixedInVersion: '3.0.13-1~deb12u1',
      identifiers: { CVE: ['CVE-2024-0727'], CWE: ['CWE-787'] },
      dockerBaseImage: 'debian:12-slim',
    },
    {
      id: 'SNYK-DEBIAN12-ZLIB-1',
      title: 'Integer Overflow',
      severity: 'critical',
      packageName: 'zlib/zlib1g',
      version: '1:1.2.13.dfsg-1',
      from: ['docker-image|my-app@1.0', 'zlib/zlib1g@1:1.2.13.dfsg-1'],
      fixedIn: [],
      identifiers: { CVE: ['CVE-2023-45853', 'CVE-2023-9999'] },
    },
  ],
  applications: [
    {
      packageManager: 'npm',
      targetFile: '/app/package.json',
      vulnerabilities: [
        {
          id: 'SNYK-JS-QS-3153490',
          title: 'Prototype Poisoning',
          severity: 'medium',
          packageName: 'qs',
          version: '6.5.2',
          from: ['my-app@1.0.0', 'express@4.16.0', 'body-parser@1.18.2', 'qs@6.5.2'],
          fixedIn: ['6.5.3', '6.10.3'],
          identifiers: { CVE: ['CVE-2022-24999'] },
        },
      ],
    },
  ],
};

/** The shape of `docker scout cves --format sarif`: a rule per CVE with purls and versions in its properties. */
const scoutReport = {
  version: '2.1.0',
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
  runs: [
    {
      tool: {
        driver: {
          name: 'docker scout',
          rules: [
            {
              id: 'CVE-2023-5363',
              shortDescription: { text: '7.5 H  CVE-2023-5363' },
              helpUri: 'https://scout.docker.com/v/CVE-2023-5363',
              properties: {
                affected_version: '3.0.11-1~deb12u1',
                cvssV3_severity: 'HIGH',
                fixed_version: '3.0.11-1~deb12u2',
                purls: ['pkg:deb/debian/openssl@3.0.11-1~deb12u1?os_distro=bookworm&os_name=debian'],
                'security-severity': '7.5',
              },
            },
            {
              id: 'CVE-2022-25883',
              shortDescription: { text: '7.5 H  CVE-2022-25883' },
              properties: {
                affected_version: '7.3.5',
                fixed_version: 'not fixed',
                purls: ['pkg:npm/semver@7.3.5', 'pkg:npm/semver@5.7.1'],
                'security-severity': '7.5',
              },
            },
          ],
        },
      },
      results: [
        { ruleId: 'CVE-2023-5363', level: 'error', message: { text: 'openssl 3.0.11-1~deb12u1' }, locations: [{ physicalLocation: { artifactLocation: { uri: '/var/lib/dpkg/status' } } }] },
        { ruleId: 'CVE-2022-25883', level: 'error', message: { text: 'semver' }, locations: [{ physicalLocation: { artifactLocation: { uri: '/app/node_modules/semver/package.json' } } }] },
      ],
    },
  ],
};

describe('snyk adapter', () => {
  it('reads OS and application vulnerabilities, one finding per CVE, nothing dropped', () => {
    const findings = parseSnykReport(snykReport);
    expect(findings.map((f) => `${f.id}|${f.package}`).sort()).toEqual(
      ['CVE-2024-0727|openssl/libssl3', 'CVE-2023-45853|zlib/zlib1g', 'CVE-2023-9999|zlib/zlib1g', 'CVE-2022-24999|qs'].sort(),
    );
    expect(findings.find((f) => f.package === 'qs')).toMatchObject({ severity: 'medium', fixedIn: '6.5.3', source: 'app', installed: '6.5.2', scanner: 'snyk' });
    expect(findings.find((f) => f.package === 'openssl/libssl3')).toMatchObject({ severity: 'high', fixedIn: '3.0.13-1~deb12u1', source: 'base', url: 'https://security.snyk.io/vuln/SNYK-DEBIAN12-OPENSSL-1234' });
    expect(findings.find((f) => f.package === 'zlib/zlib1g')).toMatchObject({ severity: 'critical', fixedIn: null, source: 'base' });
  });

  it('keeps the dependency chain from the top-level package', () => {
    const qs = parseSnykReportDetailed(snykReport).records.find((r) => r.finding.package === 'qs');
    expect(qs?.introducedBy).toEqual([['express@4.16.0', 'body-parser@1.18.2', 'qs@6.5.2']]);
  });

  it('is detected by --from-report', () => {
    expect(parseReportText(JSON.stringify(snykReport), 'snyk.json').scanner).toBe('snyk');
    expect(parseReportText(JSON.stringify([snykReport, snykReport]), 'snyk.json').records).toHaveLength(8);
  });
});

describe('docker scout adapter', () => {
  it('reads package, versions and severity from rule properties, one finding per affected package', () => {
    const findings = parseScoutReport(scoutReport);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'CVE-2023-5363', package: 'openssl', installed: '3.0.11-1~deb12u1', fixedIn: '3.0.11-1~deb12u2', severity: 'high', source: 'base', scanner: 'scout' }),
      expect.objectContaining({ id: 'CVE-2022-25883', package: 'semver', installed: '7.3.5', fixedIn: null, severity: 'high', source: 'app' }),
      expect.objectContaining({ id: 'CVE-2022-25883', package: 'semver', installed: '5.7.1', source: 'app' }),
    ]);
  });

  it('is detected by --from-report', () => {
    expect(parseReportText(JSON.stringify(scoutReport), 'scout.sarif').scanner).toBe('scout');
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
