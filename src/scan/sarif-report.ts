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
      // Scout pads its keys into a column (`  Fixed version   : 1.2`): the key is trimmed.
      const m = /^\s*([A-Za-z][A-Za-z ]{0,30}?)\s*:\s*(.+?)\s*$/.exec(line);
      const key = m?.[1].toLowerCase();
      if (m && key && !map.has(key)) map.set(key, m[2]);
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

/** A version range (Scout's `affected_version`, e.g. `<1.4.76-r0`, `>=2.5.0-1`), not an installed version. */
function isRange(value: string): boolean {
  return /[<>=~^*,|]|\s/.test(value);
}

/** The severity a result states: its own `Severity:` line, else the rule's word, else its score, else its level. */
function resultSeverity(word: string | undefined, props: Record<string, unknown>, level: string): Severity {
  const raw = word ?? textOrNull(props.cvssV3_severity) ?? textOrNull(props.severity);
  const normalized = normalizeSeverity(raw);
  if (normalized !== 'unknown') return normalized;
  // Scout's UNSPECIFIED means no rating at all; its security-severity is then a placeholder.
  if (raw && /^unspecified$/i.test(raw.trim())) return 'unknown';
  const scored = severityFromScore(props['security-severity']);
  return scored !== 'unknown' ? scored : levelSeverity(level);
}

/**
 * Reads a vulnerability scanner's SARIF log (Trivy `-f sarif`, Grype `-o sarif`, `docker scout cves
 * --format sarif`). One record per result (a Scout rule lists every affected purl, each result
 * names its own in a `Package : <purl>` line; a lone result of a multi-purl rule stands for all).
 * Versions and severity come from the result's `Key: value` lines, then the rule's properties
 * and help text, then the level.
 */
export function parseSarifReport(json: unknown, scanner: ScannerName): ParsedReport {
  const records: ScanRecord[] = [];
  let image: string | null = null;
  for (const runValue of array(object(json).runs)) {
    const run = object(runValue);
    const driver = object(object(run.tool).driver);
    const rules = array(driver.rules).map(object);
    const byId = new Map(rules.map((r) => [text(r.id), r]));
    image ??= textOrNull(object(run.properties).imageName) ?? textOrNull(object(run.automationDetails).id);
    const resultsPerRule = new Map<string, number>();
    for (const r of array(run.results)) resultsPerRule.set(text(object(r).ruleId), (resultsPerRule.get(text(object(r).ruleId)) ?? 0) + 1);
    for (const resultValue of array(run.results)) {
      const result = object(resultValue);
      const ruleId = text(result.ruleId) || text(object(result.rule).id);
      const rule = byId.get(ruleId) ?? (typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined) ?? {};
      const props = { ...object(rule.properties), ...object(result.properties) };
      const message = text(object(result.message).text);
      const own = fields(message);
      const ruleText = fields(text(object(rule.help).text), text(object(rule.fullDescription).text));
      const get = (key: string): string | undefined => own.get(key) ?? ruleText.get(key);
      const stated = purlParts(own.get('package') ?? '');
      const purls = array(props.purls).map(text).concat(text(props.purl) ? [text(props.purl)] : []);
      const parsed = purls.map(purlParts).filter((p) => p !== null);
      const named = parsed.filter((p) => message.includes(p.name));
      const lone = (resultsPerRule.get(ruleId) ?? 0) <= 1;
      const targets: (ReturnType<typeof purlParts>)[] = stated ? [stated] : named.length === 1 ? named : lone && parsed.length > 1 ? parsed : [parsed[0] ?? null];
      const level = text(result.level) || text(object(rule.defaultConfiguration).level);
      const location = object(object(array(result.locations)[0]).physicalLocation);
      for (const purl of targets) {
        const pkg = purl?.name ?? get('package') ?? '';
        const id = get('vulnerability') ?? (pkg && ruleId.endsWith(`-${pkg}`) ? ruleId.slice(0, -pkg.length - 1) : ruleId);
        const fixed = own.get('fixed version') ?? textOrNull(props.fixed_version) ?? get('fixed version') ?? get('fix version') ?? null;
        const type = purl?.type ?? get('type') ?? null;
        // Scout names every rule OsPackageVulnerability, npm and maven ones too: the purl type decides.
        const os = type ? isOsPackageType(type) : text(rule.name) === 'OsPackageVulnerability';
        const affected = textOrNull(props.affected_version);
        records.push({
          finding: {
            id,
            severity: resultSeverity(own.get('severity'), props, level),
            package: pkg,
            installed: purl?.version ?? get('installed version') ?? get('version') ?? (affected && !isRange(affected) ? affected : ''),
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
