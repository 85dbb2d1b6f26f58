import type { FindingLocation } from './locate.js';
import type { ScanRecord } from './record.js';
import { SEVERITIES, severityRank } from './severity.js';
import type { ScanFinding, Severity } from './types.js';

export interface ScanView {
  records: ScanRecord[];
  locations?: Map<ScanRecord, FindingLocation>;
  /** Show dependency chains (`--dependency-tree`). */
  dependencyTree?: boolean;
  /** What was scanned, for the SARIF artifact and the heading. */
  target: string;
  /** One-line notes shown under the tty list (e.g. which scanner ran, what was excluded). */
  notes?: string[];
}

/** Most severe first, then by id, package and path, so every output is stable. */
export function sortRecords(records: ScanRecord[]): ScanRecord[] {
  return [...records].sort(
    (a, b) =>
      severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
      a.finding.id.localeCompare(b.finding.id) ||
      a.finding.package.localeCompare(b.finding.package) ||
      (a.path ?? '').localeCompare(b.path ?? ''),
  );
}

/** `--format json`: the SPEC's finding array; `dockerfile` and `introducedBy` only when asked for. */
export function renderJson(view: ScanView): string {
  const out = sortRecords(view.records).map((record) => {
    const finding: ScanFinding & { dockerfile?: { file: string; line: number; stage: string }; introducedBy?: string[][] } = { ...record.finding };
    const location = view.locations?.get(record);
    if (location) finding.dockerfile = { file: location.file, line: location.line, stage: location.stage };
    if (view.dependencyTree) finding.introducedBy = record.introducedBy;
    return finding;
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Findings that are the same vulnerability in the same package version, found at several paths. */
export interface FindingGroup {
  finding: ScanFinding;
  records: ScanRecord[];
}

export function groupRecords(records: ScanRecord[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const record of sortRecords(records)) {
    const f = record.finding;
    const key = [f.id, f.package, f.installed, f.fixedIn ?? '', f.source].join('\u0000');
    const group = groups.get(key);
    if (group) group.records.push(record);
    else groups.set(key, { finding: f, records: [record] });
  }
  return [...groups.values()];
}

export function countBySeverity(findings: ScanFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function summaryLine(findings: ScanFinding[]): string {
  if (findings.length === 0) return 'no findings';
  const counts = countBySeverity(findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  const base = findings.filter((f) => f.source === 'base').length;
  const fixable = findings.filter((f) => f.fixedIn !== null).length;
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join(', ')}); ${base} from the base image, ${findings.length - base} from the app; ${fixable} with a fixed version`;
}

export interface Paint {
  severity(s: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const plainPaint: Paint = { severity: (_s, t) => t, dim: (t) => t, bold: (t) => t };

export function ansiPaint(): Paint {
  const wrap = (code: string) => (t: string) => `\u001b[${code}m${t}\u001b[0m`;
  const codes: Record<Severity, string> = { critical: '1;31', high: '31', medium: '33', low: '36', unknown: '37' };
  return { severity: (s, t) => wrap(codes[s])(t), dim: wrap('2'), bold: wrap('1') };
}

/** `--format tty`: one block per vulnerability+package, its paths grouped under it. */
export function renderTty(view: ScanView, paint: Paint = plainPaint): string {
  const lines: string[] = [];
  const groups = groupRecords(view.records);
  for (const { finding: f, records } of groups) {
    const fix = f.fixedIn ? `fixed in ${f.fixedIn}` : 'no fixed version';
    lines.push(`${paint.severity(f.severity, f.severity.toUpperCase().padEnd(8))} ${paint.bold(f.id)}  ${f.package} ${f.installed}  ${paint.dim(`(${fix}, ${f.source})`)}`);
    // One vulnerability at several paths shares a title; one audit rule's several hits each have their own.
    for (const title of new Set(records.map((r) => r.finding.title).filter(Boolean))) lines.push(`         ${title}`);
    const paths = [...new Set(records.map((r) => r.path).filter((p): p is string => p !== null))];
    for (const p of paths.slice(0, 5)) lines.push(paint.dim(`         at ${p}`));
    if (paths.length > 5) lines.push(paint.dim(`         and ${paths.length - 5} more paths`));
    const location = view.locations?.get(records[0]);
    if (location) lines.push(`         ${location.file}:${location.line} (stage ${location.stage}) ${location.instruction}`);
    if (view.dependencyTree) {
      const chains = records.flatMap((r) => r.introducedBy).map((c) => c.join(' > '));
      const unique = [...new Set(chains)];
      if (unique.length === 0) lines.push(paint.dim('         introduced by: (the report has no dependency paths)'));
      for (const chain of unique.slice(0, 5)) lines.push(`         introduced by: ${chain}`);
    }
    if (f.url) lines.push(paint.dim(`         ${f.url}`));
  }
  if (lines.length > 0) lines.push('');
  lines.push(`${view.target}: ${summaryLine(view.records.map((r) => r.finding))}`);
  for (const note of view.notes ?? []) lines.push(paint.dim(note));
  return `${lines.join('\n')}\n`;
}
