import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditImageFacts } from '../../src/audit/audit.js';
import { auditSarifRules, renderSarif as auditSarif } from '../../src/audit/sarif.js';
import { formatSarif, lintDockerfile } from '../../src/lint/index.js';
import { buildSarif, fingerprint, relativeUri, sarifText } from '../../src/sarif/index.js';
import { advisoryUrl, renderSarif as scanSarif } from '../../src/scan/format-sarif.js';
import type { ScanRecord } from '../../src/scan/record.js';
import type { ScanFinding } from '../../src/scan/types.js';
import { goodImage } from '../audit/facts.js';
import { repoRoot } from '../helpers/paths.js';
import { expectValidSarif } from './sarif-shape.js';

const rule = { id: 'X1', shortDescription: 'Short', help: 'Do this.', helpUri: 'https://example.org/x1' };

function record(finding: Partial<ScanFinding>, rest: Partial<ScanRecord> = {}): ScanRecord {
  return {
    finding: { id: 'CVE-2024-0001', severity: 'high', package: 'openssl', installed: '3.0.1', fixedIn: '3.0.2', source: 'base', scanner: 'trivy', title: 'A flaw', url: '', ...finding },
    layers: [],
    path: 'usr/lib/libssl.so.3',
    introducedBy: [],
    ecosystem: 'os',
    ...rest,
  };
}

describe('buildSarif', () => {
  it('indexes results to their rules, keeps the first of a repeated rule id, and gives every result a region', () => {
    const log = buildSarif('t', [rule, { ...rule, id: 'X2' }, { ...rule, shortDescription: 'again' }], [
      { ruleId: 'X2', level: 'error', message: 'm', file: 'a/Dockerfile', line: 3, column: 2 },
      { ruleId: 'X1', level: 'note', message: 'm', file: '/etc/passwd' },
    ]);
    expectValidSarif(log, 2);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r) => [r.id, r.shortDescription.text])).toEqual([['X1', 'Short'], ['X2', 'Short']]);
    expect(run.results.map((r) => r.ruleIndex)).toEqual([1, 0]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'a/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 2 } });
    expect(run.results[1].locations[0].physicalLocation.region).toEqual({ startLine: 1 });
    expect(run.results[1].locations[0].physicalLocation.artifactLocation.uri).toBe('etc/passwd');
  });

  it('writes security-severity as a one-decimal string within 0..10, tags once each', () => {
    const log = buildSarif('t', [{ ...rule, securitySeverity: 12, tags: ['security', 'security'] }, { ...rule, id: 'X2', securitySeverity: 5.55 }], []);
    expect(log.runs[0].tool.driver.rules.map((r) => r.properties['security-severity'])).toEqual(['10.0', '5.5']);
    expect(log.runs[0].tool.driver.rules[0].properties.tags).toEqual(['security']);
  });

  it('declares the other uri bases it is given; semanticVersion only for a semver version', () => {
    const log = buildSarif('t', [rule], [{ ruleId: 'X1', level: 'warning', message: 'm', file: 'bin/su', uriBaseId: 'IMAGE' }], { version: '1.2.3', uriBases: { IMAGE: { uri: 'file:///', description: 'an image' } } });
    expectValidSarif(log, 1);
    expect(log.runs[0].originalUriBaseIds).toEqual({ IMAGE: { uri: 'file:///', description: { text: 'an image' } } });
    expect(log.runs[0].tool.driver).toMatchObject({ version: '1.2.3', semanticVersion: '1.2.3' });
    expect(buildSarif('t', [], [], { version: 'dev' }).runs[0].tool.driver).not.toHaveProperty('semanticVersion');
  });

  it('turns paths into relative URI references', () => {
    expect(relativeUri('C:\\x\\Docker file')).toBe('./C:/x/Docker%20file');
    expect(relativeUri('my-app:1 (debian 12.12)')).toBe('./my-app:1%20(debian%2012.12)');
    expect(relativeUri('/')).toBe('.');
    expect(relativeUri('/app/a#b?.txt')).toBe('app/a%23b%3F.txt');
  });

  it('fingerprints results outside the repository, stably and per identity', () => {
    expect(fingerprint('a')).toBe(fingerprint('a'));
    expect(fingerprint('a')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
    expect(fingerprint('')).toBe('cbf29ce484222325');
    const log = buildSarif('t', [rule], [
      { ruleId: 'X1', level: 'note', message: 'm', file: 'Dockerfile' },
      { ruleId: 'X1', level: 'note', message: 'm', file: 'img', uriBaseId: 'IMAGE', identity: 'one' },
    ], { uriBases: { IMAGE: { uri: 'file:///' } } });
    expect(log.runs[0].results[0]).not.toHaveProperty('partialFingerprints');
    expect(log.runs[0].results[1].partialFingerprints).toEqual({ primaryLocationLineHash: `${fingerprint('one')}:1` });
  });

  it('prints indented JSON ending in a newline', () => {
    const textOut = sarifText(buildSarif('t', [], []));
    expect(textOut.endsWith('}\n')).toBe(true);
    expect(JSON.parse(textOut).runs[0].results).toEqual([]);
  });
});

describe('the three SARIF producers share the builder and stay valid for code scanning', () => {
  it('lint: every rule of a finding, results on the Dockerfile lines', () => {
    const findings = lintDockerfile('FROM debian:latest\nADD a.js /a.js\nUSER root\n', { file: 'svc/Dockerfile' });
    const log = JSON.parse(formatSarif(findings));
    expectValidSarif(log, findings.length);
    expect(log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.region.startLine)).toEqual(findings.map((f) => f.line));
  });

  it('audit: results in the image filesystem, rules linking to their own files', () => {
    const report = auditImageFacts(goodImage({ config: { ...goodImage().config, User: '', Healthcheck: undefined } }));
    const log = JSON.parse(auditSarif(report, '1.2.3'));
    expectValidSarif(log, report.findings.length);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId).toBe('IMAGE');
    for (const r of auditSarifRules()) expect(existsSync(path.join(repoRoot, /\/(src\/audit\/rules\/[^/]+\.ts)$/.exec(r.helpUri ?? '')?.[1] ?? 'missing'))).toBe(true);
  });

  it('scan: one rule per id listing each package and its fix; located results on the Dockerfile', () => {
    const a = record({});
    const b = record({ package: 'libssl3', installed: '3.0.1', fixedIn: null }, { path: null });
    const c = record({ id: 'GHSA-abcd-2345-wxyz', severity: 'critical', package: 'left-pad', installed: '1.0.0', fixedIn: '1.3.0', source: 'app', url: 'https://example.org/ghsa' }, { path: 'app/package-lock.json', introducedBy: [['web', 'left-pad']] });
    const locations = new Map([[c, { file: 'Dockerfile', line: 4, stage: 'runtime', instruction: 'COPY . .' }]]);
    const log = JSON.parse(scanSarif({ records: [a, b, c], target: 'my-app:1', locations, dependencyTree: true }));
    expectValidSarif(log, 3);
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: any) => r.id)).toEqual(['GHSA-abcd-2345-wxyz', 'CVE-2024-0001']);
    expect(rules[1].help.text).toContain('openssl 3.0.1: upgrade openssl from 3.0.1 to 3.0.2 or later');
    expect(rules[1].help.text).toContain('libssl3 3.0.1: no fixed version');
    expect(rules[1].helpUri).toBe('https://nvd.nist.gov/vuln/detail/CVE-2024-0001');
    expect(rules[0].helpUri).toBe('https://example.org/ghsa');
    expect(rules[0].properties['security-severity']).toBe('9.5');
    const [located, ...inImage] = log.runs[0].results;
    expect(located.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
    expect(located.properties).toMatchObject({ fixedIn: '1.3.0', introducedBy: [['web', 'left-pad']] });
    expect(inImage.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri).sort()).toEqual(['./my-app:1', 'usr/lib/libssl.so.3']);
    // Two packages with one CVE stay two alerts: their fingerprints differ.
    expect(located).not.toHaveProperty('partialFingerprints');
    expect(new Set(inImage.map((r: any) => r.partialFingerprints.primaryLocationLineHash)).size).toBe(2);
  });

  it('links advisories by their id when a report gives no URL', () => {
    expect(advisoryUrl('cve-2021-44228')).toBe('https://nvd.nist.gov/vuln/detail/CVE-2021-44228');
    expect(advisoryUrl('GHSA-jfh8-c2jp-5v3q')).toBe('https://github.com/advisories/GHSA-jfh8-c2jp-5v3q');
    expect(advisoryUrl('SNYK-DEBIAN12-ZLIB-6008963')).toBe('https://security.snyk.io/vuln/SNYK-DEBIAN12-ZLIB-6008963');
    expect(advisoryUrl('DLA-3000-1')).toBe('https://osv.dev/vulnerability/DLA-3000-1');
  });
});
