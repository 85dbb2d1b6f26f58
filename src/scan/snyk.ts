import { InputError } from '../cli/errors.js';
import type { ScannerAdapter } from './adapter.js';
import { array, findingsOf, isOsPackageType, object, text, textOrNull, type ParsedReport, type ScanRecord } from './record.js';
import { normalizeSeverity } from './severity.js';
import type { ScanFinding, Severity } from './types.js';

/** True for `snyk container test --json` (one project, or an array of projects), or its error object. */
export function isSnykReport(json: unknown): boolean {
  const projects = Array.isArray(json) ? json : [json];
  return (
    projects.length > 0 &&
    projects.every((p) => {
      const doc = object(p);
      if (doc.ok === false && typeof doc.error === 'string') return true;
      return Array.isArray(doc.vulnerabilities) && ('packageManager' in doc || 'ok' in doc || 'docker' in doc);
    })
  );
}

/**
 * `from` is one chain (`[image or project, top-level, ..., package]`), or with `--group-issues`
 * a list of chains. The first element is the scanned image or project itself; binaries Snyk finds
 * outside any package manager (a Node or Java runtime) start with `Upstream`.
 */
function chains(from: unknown): string[][] {
  const list = array(from);
  const raw = list.length > 0 && list.every(Array.isArray) ? list.map((c) => array(c).map(text)) : [list.map(text)];
  return raw.map((chain) => chain.slice(1)).filter((chain) => chain.length > 1);
}

/** Snyk names OS packages `source/binary` (`gcc-10/libgcc-s1`): the binary one is what is installed. */
function osPackageName(name: string): string {
  return name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
}

function severity(v: Record<string, unknown>): Severity {
  // Older reports say `high` in `severity` and keep `critical` for `severityWithCritical`.
  for (const word of [v.severityWithCritical, v.severity, v.nvdSeverity]) {
    const s = normalizeSeverity(word);
    if (s !== 'unknown') return s;
  }
  return 'unknown';
}

/** The distribution a container project's OS packages come from: `debian:11` -> `debian 11`. */
function distroOf(vulnerabilities: unknown[]): string | null {
  for (const value of vulnerabilities) {
    const m = /^([a-z][a-z.-]*):(\S+)$/i.exec(text(object(value).packageManager));
    if (m) return `${m[1]} ${m[2]}`;
  }
  return null;
}

/**
 * One project's vulnerabilities. Snyk lists a vulnerability once per dependency path; those
 * entries become one record per (CVE, package version) carrying every path. The container project
 * (`containerProject`) holds the OS packages and the binaries; `applications[]` the language ones.
 */
function projectRecords(project: Record<string, unknown>, records: ScanRecord[], containerProject: boolean): void {
  const manager = textOrNull(project.packageManager);
  const target = containerProject ? textOrNull(project.path) : (textOrNull(project.displayTargetFile) ?? textOrNull(project.targetFile) ?? textOrNull(project.path));
  const seen = new Map<string, ScanRecord>();
  for (const vulnValue of array(project.vulnerabilities)) {
    const v = object(vulnValue);
    const snykId = text(v.id);
    const cves = array(object(v.identifiers).CVE).map(text).filter(Boolean);
    const fixedIn = array(v.fixedIn).map(text).filter(Boolean);
    const paths = chains(v.from);
    const binary = text(array(v.from)[0]) === 'Upstream';
    const vulnManager = textOrNull(v.packageManager);
    const os = containerProject && !binary && (v.language === 'linux' || isOsPackageType(manager) || manager === 'linux' || /^[a-z][a-z.-]*:\S+$/i.test(vulnManager ?? ''));
    const rawName = text(v.name) || text(v.packageName);
    const pkg = os ? osPackageName(rawName) : rawName;
    // With --file Snyk says where a package came from: the Dockerfile's FROM or one of its instructions.
    const source = v.dockerfileInstruction ? 'app' : v.dockerBaseImage ? 'base' : os || binary ? 'base' : 'app';
    for (const id of cves.length > 0 ? cves : [snykId]) {
      const key = [id, snykId, pkg, text(v.version)].join('\u0000');
      const existing = seen.get(key);
      if (existing) {
        for (const chain of paths) if (!existing.introducedBy.some((c) => c.join('>') === chain.join('>'))) existing.introducedBy.push(chain);
        continue;
      }
      const record: ScanRecord = {
        finding: {
          id,
          severity: severity(v),
          package: pkg,
          installed: text(v.version),
          fixedIn: textOrNull(v.nearestFixedInVersion) ?? fixedIn[0] ?? null,
          source,
          scanner: 'snyk',
          title: text(v.title) || id,
          url: snykId ? `https://security.snyk.io/vuln/${snykId}` : '',
        },
        layers: [],
        path: target,
        introducedBy: [...paths],
        ecosystem: os ? 'os' : binary ? 'binary' : (vulnManager ?? manager),
      };
      seen.set(key, record);
      records.push(record);
    }
  }
}

/** Parses `snyk container test --json`: the image's OS packages and binaries, then each `applications[]` project. */
export function parseSnykReportDetailed(json: unknown): ParsedReport {
  const projects = (Array.isArray(json) ? json : [json]).map(object);
  const failed = projects.find((p) => p.ok === false && typeof p.error === 'string' && !Array.isArray(p.vulnerabilities));
  if (failed) throw new InputError(`the Snyk report is an error, not a scan: ${text(failed.error).split('\n')[0]}`, textOrNull(failed.path) ?? 'snyk', 'fix what Snyk reports (e.g. `snyk auth`) and scan again');
  const records: ScanRecord[] = [];
  for (const project of projects) {
    const containerProject = 'docker' in project || isOsPackageType(text(project.packageManager)) || text(project.packageManager) === 'linux';
    projectRecords(project, records, containerProject);
    for (const app of array(project.applications)) projectRecords(object(app), records, false);
  }
  const first = projects[0] ?? {};
  return {
    scanner: 'snyk',
    records,
    image: textOrNull(first.path) ?? textOrNull(first.displayTargetFile),
    layers: [],
    os: distroOf(array(first.vulnerabilities)),
  };
}

export function parseSnykReport(json: unknown): ScanFinding[] {
  return findingsOf(parseSnykReportDetailed(json));
}

export const snykScanner: ScannerAdapter = {
  name: 'snyk',
  title: 'Snyk',
  binary: 'snyk',
  install: 'install the Snyk CLI (`npm install -g snyk`, then `snyk auth`)',
  args: (image, { file }) => ['container', 'test', '--json', ...(file ? [`--file=${file}`] : []), image],
  okExitCodes: [1],
  parse: parseSnykReportDetailed,
};
