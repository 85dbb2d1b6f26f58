import type { FindingLocation } from './locate.js';
import type { ScanRecord } from './record.js';
import { sortRecords, type ScanView } from './format.js';
import type { Severity } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', unknown: 'note' };
/** GitHub code scanning reads `security-severity` (a CVSS-like score) to rank results. */
const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', unknown: '0.0' };

function location(record: ScanRecord, located: FindingLocation | undefined, target: string): Record<string, unknown> {
  if (located) {
    return { physicalLocation: { artifactLocation: { uri: located.file }, region: { startLine: located.line } }, message: { text: `stage ${located.stage}: ${located.instruction}` } };
  }
  const where = record.path ?? target;
  return {
    physicalLocation: { artifactLocation: { uri: where.replace(/^\/+/, '') }, region: { startLine: 1 } },
    logicalLocations: [{ name: `${record.finding.package}@${record.finding.installed}`, kind: 'package' }],
  };
}

/** `--format sarif`: a SARIF 2.1.0 log, one rule per vulnerability id, one result per finding. */
export function renderSarif(view: ScanView): string {
  const records = sortRecords(view.records);
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  for (const { finding: f } of records) {
    if (ruleIndex.has(f.id)) continue;
    ruleIndex.set(f.id, rules.length);
    rules.push({
      id: f.id,
      name: f.id.replace(/[^A-Za-z0-9]/g, ''),
      shortDescription: { text: f.title || f.id },
      ...(f.url ? { helpUri: f.url } : {}),
      defaultConfiguration: { level: LEVEL[f.severity] },
      properties: { 'security-severity': SCORE[f.severity], tags: ['security', 'vulnerability', f.severity] },
    });
  }
  const results = records.map((record) => {
    const f = record.finding;
    const fix = f.fixedIn ? `fixed in ${f.fixedIn}` : 'no fixed version yet';
    return {
      ruleId: f.id,
      ruleIndex: ruleIndex.get(f.id),
      level: LEVEL[f.severity],
      message: { text: `${f.id} (${f.severity}) in ${f.package} ${f.installed}: ${fix}. ${f.title}`.trim() },
      locations: [location(record, view.locations?.get(record), view.target)],
      properties: {
        package: f.package,
        installed: f.installed,
        fixedIn: f.fixedIn,
        source: f.source,
        scanner: f.scanner,
        ...(view.dependencyTree ? { introducedBy: record.introducedBy } : {}),
      },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'harden-init', informationUri: 'https://github.com/harden-init/harden-init', rules } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
