import { array, isOsPackageType, object, text, textOrNull, type ParsedReport, type ScanRecord } from './record.js';
import { normalizeSeverity, severityFromScore } from './severity.js';
import type { ScannerName, Severity } from './types.js';

/** True for any SARIF log. */
export function isSarif(json: unknown): boolean {
  const doc = object(json);
  return Array.isArray(doc.runs) && (text(doc.version).startsWith('2.') || text(doc.$schema).includes('sarif'));
}

/** The scanner a SARIF log comes from, by its tool name; null for tools that are not vulnerability scanners. */
export function sarifScanner(json: unknown): ScannerName | null {
  const names = array(object(json).runs).map((run) => text(object(object(object(run).tool).driver).name).toLowerCase());
  if (names.some((n) => n.includes('trivy'))) return 'trivy';
  if (names.some((n) => n.includes('grype'))) return 'grype';
  if (names.some((n) => n.includes('scout'))) return 'scout';
  if (names.some((n) => n.includes('snyk'))) return 'snyk';
  return null;
}

/** The `Key: value` lines scanners put in SARIF help and message texts. */
function fields(...texts: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const t of texts) {
    for (const line of t.split('\n')) {
      const m = /^\s*([A-Za-z][A-Za-z ]{1,30}):\s*(.+?)\s*$/.exec(line);
      if (m && !map.has(m[1].toLowerCase())) map.set(m[1].toLowerCase(), m[2]);
    }
  }
  return map;
}

function levelSeverity(level: string): Severity {
  switch (level) {
    case 'error':
      return 'high';
    case 'warning':
      return 'medium';
    case 'note':
      return 'low';
    default:
      return 'unknown';
  }
}

function purlParts(purl: string): { type: string; name: string; version: string } | null {
  const m = /^pkg:([^/]+)\/(?:[^@?#]*\/)?([^/@?#]+)@([^?#]+)/.exec(purl);
  return m ? { type: m[1], name: decodeURIComponent(m[2]), version: decodeURIComponent(m[3]) } : null;
}

/**
 * Reads a vulnerability scanner's SARIF log (Trivy `-f sarif`, Grype `-o sarif`, `docker scout cves
 * --format sarif`). Package, versions and severity come from rule properties where the tool sets
 * them, else from its `Key: value` help/message lines, else from the level.
 */
export function parseSarifReport(json: unknown, scanner: ScannerName): ParsedReport {
  const records: ScanRecord[] = [];
  let image: string | null = null;
  for (const runValue of array(object(json).runs)) {
    const run = object(runValue);
    const driver = object(object(run.tool).driver);
    const rules = array(driver.rules).map(object);
    const byId = new Map(rules.map((r) => [text(r.id), r]));
    image ??= textOrNull(object(run.properties).imageName);
    const resultsPerRule = new Map<string, number>();
    for (const r of array(run.results)) resultsPerRule.set(text(object(r).ruleId), (resultsPerRule.get(text(object(r).ruleId)) ?? 0) + 1);
    for (const resultValue of array(run.results)) {
      const result = object(resultValue);
      const ruleId = text(result.ruleId) || text(object(result.rule).id);
      const rule = byId.get(ruleId) ?? (typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined) ?? {};
      const props = { ...object(rule.properties), ...object(result.properties) };
      const message = text(object(result.message).text);
      const f = fields(message, text(object(rule.help).text), text(object(rule.fullDescription).text));
      const purls = array(props.purls).map(text).concat(text(props.purl) ? [text(props.purl)] : []);
      const parsed = purls.map(purlParts).filter((p) => p !== null);
      // A rule may list several affected packages: one result per package names its own in the
      // message; a lone result stands for all of them.
      const named = parsed.filter((p) => message.includes(p.name));
      const lone = (resultsPerRule.get(ruleId) ?? 0) <= 1;
      const targets: (typeof parsed[number] | null)[] = named.length === 1 ? named : lone && parsed.length > 1 ? parsed : [parsed[0] ?? null];
      for (const purl of targets) {
      const pkg = purl?.name ?? f.get('package') ?? '';
      const id = f.get('vulnerability') ?? (pkg && ruleId.endsWith(`-${pkg}`) ? ruleId.slice(0, -pkg.length - 1) : ruleId);
      const severityWord = normalizeSeverity(f.get('severity') ?? props.cvssV3_severity ?? props.severity);
      const severity =
        severityWord !== 'unknown' ? severityWord : severityFromScore(props['security-severity']) !== 'unknown' ? severityFromScore(props['security-severity']) : levelSeverity(text(result.level) || text(object(rule.defaultConfiguration).level));
      const fixed = textOrNull(props.fixed_version) ?? f.get('fixed version') ?? f.get('fix version') ?? null;
      const type = purl?.type ?? f.get('type') ?? null;
      const os = isOsPackageType(type) || text(rule.name) === 'OsPackageVulnerability';
      const location = object(object(array(result.locations)[0]).physicalLocation);
      records.push({
        finding: {
          id,
          severity,
          package: pkg,
          installed: purl?.version ?? textOrNull(props.affected_version) ?? f.get('installed version') ?? f.get('version') ?? '',
          fixedIn: fixed && !/^not fixed/i.test(fixed) ? fixed.split(',')[0].trim() || null : null,
          source: os ? 'base' : 'app',
          scanner,
          title: text(object(rule.shortDescription).text) || message.split('\n')[0] || id,
          url: text(rule.helpUri) || (/^https?:/.test(text(object(rule.help).text)) ? text(object(rule.help).text) : ''),
        },
        layers: [],
        path: textOrNull(object(location.artifactLocation).uri),
        introducedBy: [],
        ecosystem: os ? 'os' : type,
      });
      }
    }
  }
  return { scanner, records, image, layers: [], os: null };
}
