import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fixableLintCodes, fixLintCodes, lintText } from '../../src/fix/lint-bridge.js';
import { applyActions, planFixes } from '../../src/fix/planner.js';
import { scanKey } from '../../src/fix/types.js';
import { fixedVersion } from '../../src/fix/versions.js';
import { parseReportText } from '../../src/scan/report.js';
import { corpusDir } from '../helpers/paths.js';
import { describeCorpus } from '../helpers/requirements.js';

const reportsDir = path.join(corpusDir, 'scanner-reports');

/** The JSON image reports of Trivy and Grype in the corpus (SARIF and config scans carry no packages to upgrade). */
function imageReports(): string[] {
  return ['trivy', 'grype'].flatMap((tool) =>
    readdirSync(path.join(reportsDir, tool))
      .filter((name) => /\.json(\.golden)?$/.test(name) && !/dockerfile|misconfig/.test(name))
      .map((name) => path.join(tool, name)),
  );
}

describeCorpus('remediation planned from the corpus scanner reports', () => {
  it('promises exactly the fixable OS findings, pins each package to its highest fixed version, and adds no lint finding', () => {
    let planned = 0;
    for (const file of imageReports()) {
      const report = parseReportText(readFileSync(path.join(reportsDir, file), 'utf8'), file);
      const alpine = /alpine/i.test(report.os ?? '');
      const dockerfile = [alpine ? 'FROM alpine:3.10' : 'FROM debian:10', 'COPY app /app', 'USER 10001:10001', 'CMD ["/app"]', ''].join('\n');
      const files = { Dockerfile: dockerfile };
      const lintFindings = lintText(dockerfile, 'Dockerfile');
      const actions = planFixes({ dockerfile: 'Dockerfile', files, lintFindings, fixableCodes: fixableLintCodes(), fixLint: fixLintCodes, lint: lintText, scanRecords: report.records, bases: [] }, report.os);
      const reportKeys = new Set(report.records.map((r) => scanKey(r.finding)));
      for (const action of actions) for (const key of action.removes.filter((k) => k.startsWith('scan:'))) expect({ file, key, inReport: reportKeys.has(key) }).toEqual({ file, key, inReport: true });

      const fixableOs = report.records.filter((r) => r.ecosystem === 'os' && r.finding.fixedIn !== null && fixedVersion(r.finding.fixedIn) !== null);
      const os = actions.find((a) => a.kind === 'os-upgrade');
      if (fixableOs.length === 0) {
        expect({ file, os: os?.id ?? null }).toEqual({ file, os: null });
        continue;
      }
      planned++;
      expect(os, file).toBeDefined();
      expect(new Set(os!.removes)).toEqual(new Set(fixableOs.map((r) => scanKey(r.finding))));
      const after = applyActions(files, [os!]).Dockerfile;
      const run = after.split('\n').filter((l) => l.includes(alpine ? 'apk add' : 'apt-get install')).join(' ');
      for (const r of fixableOs) {
        const name = r.finding.package.split('/').pop()!;
        expect(run, `${file}: ${name}`).toMatch(new RegExp(`\\s${name.replace(/[.+]/g, '\\$&')}=\\S+`));
      }
      // The inserted RUN lints clean: the fix trades scan findings for no lint finding.
      expect({ file, lint: lintText(after, 'Dockerfile').map((f) => f.code) }).toEqual({ file, lint: lintFindings.map((f) => f.code) });
    }
    expect(planned).toBeGreaterThanOrEqual(3);
  });
});
