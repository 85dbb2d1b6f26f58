import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { InputError } from '../../src/cli/errors.js';
import { parseReportText } from '../../src/scan/report.js';
import { renderSarif } from '../../src/scan/format-sarif.js';
import { SEVERITIES } from '../../src/scan/severity.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';
import { expectValidSarif } from '../sarif/sarif-shape.js';

const reportsDir = path.join(corpusDir, 'scanner-reports');

function files(folder: string): string[] {
  return readdirSync(path.join(reportsDir, folder)).map((name) => path.join(reportsDir, folder, name));
}

/** Every (id, package) pair the raw report holds, read independently of the parsers. */
function rawPairs(json: any): string[] {
  if (Array.isArray(json?.matches)) return json.matches.map((m: any) => `${m.vulnerability.id}|${m.artifact.name}`);
  if (Array.isArray(json?.Results)) {
    return json.Results.flatMap((r: any) => [
      ...(r.Vulnerabilities ?? []).map((v: any) => `${v.VulnerabilityID}|${v.PkgName}`),
      ...(r.Misconfigurations ?? []).map((m: any) => `${m.ID}|${r.Target}`),
      ...(r.Secrets ?? []).map((s: any) => `${s.RuleID}|${r.Target}`),
    ]);
  }
  throw new Error('not a Trivy or Grype JSON report');
}

const sorted = (a: string[]) => [...a].sort();

describeCorpus('scanner reports of the shared corpus', () => {
  const vulnerabilityReports = [...files('trivy'), ...files('grype')];

  for (const file of vulnerabilityReports) {
    const name = path.relative(reportsDir, file);
    it(`parses ${name} without losing a finding`, () => {
      const content = readFileSync(file, 'utf8');
      const json = JSON.parse(content);
      const report = parseReportText(content, name);
      const findings = report.records.map((r) => r.finding);
      expect(report.scanner).toBe(name.startsWith('trivy') ? 'trivy' : 'grype');
      if (file.endsWith('.sarif') || file.endsWith('.sarif.golden')) {
        const results = json.runs.flatMap((run: any) => run.results);
        expect(findings).toHaveLength(results.length);
        // Every result's rule and package survive: Trivy names the package in the message, Grype in the rule id.
        for (const [i, result] of sorted(results.map((r: any) => r.ruleId)).entries()) {
          const f = sorted(findings.map((x) => (name.startsWith('grype') ? `${x.id}-${x.package}` : x.id)))[i];
          expect(f).toBe(result);
        }
        for (const f of findings) expect(f.package).not.toBe('');
      } else {
        expect(sorted(findings.map((f) => `${f.id}|${f.package}`))).toEqual(sorted(rawPairs(json)));
      }
      for (const f of findings) {
        expect(SEVERITIES).toContain(f.severity);
        expect(['base', 'app']).toContain(f.source);
        expect(f.id).not.toBe('');
        expect(f.fixedIn === null || (typeof f.fixedIn === 'string' && f.fixedIn.trim() !== '')).toBe(true);
      }
      expectValidSarif(JSON.parse(renderSarif({ records: report.records, target: name })), findings.length);
    });
  }

  it('keeps fixed versions and OS-vs-language sources (Trivy, alpine + jars)', () => {
    const file = path.join(reportsDir, 'trivy/defectdojo__scheme_2_many_vulns.json');
    const report = parseReportText(readFileSync(file, 'utf8'), file);
    const freetype = report.records.find((r) => r.finding.package === 'freetype');
    expect(freetype?.finding).toMatchObject({ installed: '2.9.1-r2', fixedIn: '2.9.1-r3', source: 'base', severity: 'medium', scanner: 'trivy' });
    const compress = report.records.find((r) => r.finding.package === 'org.apache.commons:commons-compress');
    expect(compress?.finding).toMatchObject({ fixedIn: '1.18', source: 'app' });
    expect(compress?.layers).toEqual(['sha256:7687a0228bb6d371c80b448ede8afb5272dd58e7baae544a259e4ca84ef570b1']);
  });

  it('keeps the same CVE at two paths as two findings (Grype)', () => {
    const file = path.join(reportsDir, 'grype/defectdojo__same_cve_different_paths.json');
    const report = parseReportText(readFileSync(file, 'utf8'), file);
    const paths = report.records.map((r) => r.path);
    expect(report.records.map((r) => r.finding.id)).toEqual(['CVE-2021-33574', 'CVE-2021-33574']);
    expect(new Set(paths).size).toBe(2);
    expect(report.records[0].finding).toMatchObject({ severity: 'critical', fixedIn: null, source: 'base', package: 'libc6' });
  });

  it('maps Grype severities, including Negligible, and the suggested fix', () => {
    const file = path.join(reportsDir, 'grype/grype-repo__TestJsonImgsPresenter.golden.json');
    const report = parseReportText(readFileSync(file, 'utf8'), file);
    expect(report.records[0].finding).toMatchObject({ id: 'CVE-1999-0001', severity: 'low', fixedIn: '1.2.1', installed: '1.1.1', source: 'base' });
  });

  it('refuses lint reports with a pointer to the right command', () => {
    for (const file of [...files('hadolint'), ...files('dockle')]) {
      let error: unknown;
      try {
        parseReportText(readFileSync(file, 'utf8'), file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).oneLine()).toMatch(/not a vulnerability scan.*harden-init (lint|audit)/);
    }
  });
});
