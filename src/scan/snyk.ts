import type { ScannerAdapter } from './adapter.js';
import { array, findingsOf, isOsPackageType, object, text, textOrNull, type ParsedReport, type ScanRecord } from './record.js';
import { normalizeSeverity } from './severity.js';
import type { ScanFinding } from './types.js';

/** True for `snyk container test --json` (one project, or an array of projects). */
export function isSnykReport(json: unknown): boolean {
  const projects = Array.isArray(json) ? json : [json];
  return projects.length > 0 && projects.every((p) => {
    const doc = object(p);
    return Array.isArray(doc.vulnerabilities) && ('packageManager' in doc || 'ok' in doc || 'docker' in doc);
  });
}

function fromChain(from: unknown): string[] {
  // `from[0]` is the scanned image or project itself; the rest is the chain down to the package.
  return array(from).map(text).slice(1);
}

function projectRecords(project: Record<string, unknown>, records: ScanRecord[], osProject: boolean): void {
  const manager = textOrNull(project.packageManager);
  const os = osProject && isOsPackageType(manager ?? 'os');
  for (const vulnValue of array(project.vulnerabilities)) {
    const v = object(vulnValue);
    const cves = array(object(v.identifiers).CVE).map(text).filter(Boolean);
    const snykId = text(v.id);
    const fixedIn = array(v.fixedIn).map(text).filter(Boolean);
    const chain = fromChain(v.from);
    // Snyk knows which layers came from the base: `dockerBaseImage` vs `dockerfileInstruction`.
    const source = v.dockerfileInstruction ? 'app' : v.dockerBaseImage ? 'base' : os ? 'base' : 'app';
    for (const id of cves.length > 0 ? cves : [snykId]) {
      records.push({
        finding: {
          id,
          severity: normalizeSeverity(v.nvdSeverity && !v.severity ? v.nvdSeverity : v.severity),
          package: text(v.packageName) || text(v.name),
          installed: text(v.version),
          fixedIn: textOrNull(v.nearestFixedInVersion) ?? fixedIn[0] ?? null,
          source,
          scanner: 'snyk',
          title: text(v.title) || id,
          url: snykId ? `https://security.snyk.io/vuln/${snykId}` : '',
        },
        layers: [],
        path: textOrNull(project.targetFile) ?? textOrNull(project.displayTargetFile) ?? textOrNull(project.path),
        introducedBy: chain.length > 1 ? [chain] : [],
        ecosystem: os ? 'os' : manager,
      });
    }
  }
}

/** Parses `snyk container test --json`: OS packages, then each `applications[]` project (language packages). */
export function parseSnykReportDetailed(json: unknown): ParsedReport {
  const projects = (Array.isArray(json) ? json : [json]).map(object);
  const records: ScanRecord[] = [];
  for (const project of projects) {
    const containerProject = 'docker' in project || isOsPackageType(text(project.packageManager));
    projectRecords(project, records, containerProject);
    for (const app of array(project.applications)) projectRecords(object(app), records, false);
  }
  const first = projects[0] ?? {};
  const docker = object(first.docker);
  return {
    scanner: 'snyk',
    records,
    image: textOrNull(first.path) ?? textOrNull(first.displayTargetFile),
    layers: [],
    os: textOrNull(first.platform) ?? textOrNull(docker.baseImage),
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
