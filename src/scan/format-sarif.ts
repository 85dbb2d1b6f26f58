import { buildSarif, sarifText, SRCROOT, type SarifLevel, type SarifResultInput, type SarifRuleInput } from '../sarif/index.js';
import type { FindingLocation } from './locate.js';
import type { ScanRecord } from './record.js';
import { sortRecords, type ScanView } from './format.js';
import type { ScanFinding, Severity } from './types.js';

const LEVEL: Record<Severity, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', unknown: 'note' };
/** GitHub code scanning ranks security results by `security-severity`, a CVSS-like score. */
const SCORE: Record<Severity, number> = { critical: 9.5, high: 8, medium: 5.5, low: 2, unknown: 0 };

/** Where to read about a vulnerability when the report gives no link. */
export function advisoryUrl(id: string): string {
  if (/^CVE-\d{4}-\d+$/i.test(id)) return `https://nvd.nist.gov/vuln/detail/${id.toUpperCase()}`;
  if (/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/i.test(id)) return `https://github.com/advisories/${id}`;
  if (/^SNYK-/.test(id)) return `https://security.snyk.io/vuln/${id}`;
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}

function fixSentence(f: ScanFinding): string {
  return f.fixedIn ? `upgrade ${f.package} from ${f.installed || 'the installed version'} to ${f.fixedIn} or later` : `no fixed version of ${f.package} yet: remove or replace it, or accept the risk`;
}

/** One rule per vulnerability id; its help lists every affected package with its fix. */
function rule(id: string, findings: ScanFinding[]): SarifRuleInput {
  const worst = findings[0];
  const url = findings.find((f) => f.url)?.url || advisoryUrl(id);
  const packages = [...new Map(findings.map((f) => [`${f.package}@${f.installed}`, f])).values()];
  const lines = packages.map((f) => `- ${f.package} ${f.installed}: ${fixSentence(f)}.`);
  const title = worst.title && worst.title !== id ? worst.title : `${id} in ${worst.package}`;
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: title,
    fullDescription: `${id} (${worst.severity}): ${title}`,
    help: `${title}\n\nAffected packages:\n${lines.join('\n')}\n\nMore: ${url}`,
    helpMarkdown: `**${id}** (${worst.severity}): ${title}\n\n${lines.join('\n')}\n\n[Advisory](${url})`,
    helpUri: url,
    level: LEVEL[worst.severity],
    tags: ['security', 'vulnerability', worst.severity],
    securitySeverity: SCORE[worst.severity],
  };
}

function result(record: ScanRecord, located: FindingLocation | undefined, view: ScanView): SarifResultInput {
  const f = record.finding;
  const fix = f.fixedIn ? `fixed in ${f.fixedIn}` : 'no fixed version yet';
  const common = {
    ruleId: f.id,
    level: LEVEL[f.severity],
    message: `${f.id} (${f.severity}) in ${f.package} ${f.installed}: ${fix}. ${f.title}`,
    properties: {
      package: f.package,
      installed: f.installed,
      fixedIn: f.fixedIn,
      source: f.source,
      scanner: f.scanner,
      ...(view.dependencyTree ? { introducedBy: record.introducedBy } : {}),
    },
  };
  if (located) return { ...common, file: located.file, uriBaseId: SRCROOT, line: located.line, locationMessage: `stage ${located.stage}: ${located.instruction}` };
  return {
    ...common,
    file: record.path ?? view.target,
    uriBaseId: 'IMAGE',
    identity: [f.id, f.package, f.installed, record.path ?? ''].join('\u0000'),
    logicalLocations: [{ name: `${f.package}@${f.installed}`, kind: 'package' }],
  };
}

/** `--format sarif`: a SARIF 2.1.0 log, one rule per vulnerability id, one result per finding. */
export function renderSarif(view: ScanView): string {
  const records = sortRecords(view.records);
  const byId = new Map<string, ScanFinding[]>();
  for (const { finding } of records) byId.set(finding.id, [...(byId.get(finding.id) ?? []), finding]);
  const rules = [...byId].map(([id, findings]) => rule(id, findings));
  const results = records.map((record) => result(record, view.locations?.get(record), view));
  const log = buildSarif('harden-init', rules, results, {
    uriBases: { IMAGE: { uri: 'file:///', description: `the filesystem of ${view.target}, or the scanner's target` } },
  });
  return sarifText(log);
}
