import type { ScannerAdapter } from './adapter.js';
import { array, findingsOf, isOsPackageType, object, text, textOrNull, type ParsedReport, type ScanRecord } from './record.js';
import { normalizeSeverity } from './severity.js';
import { firstSentence } from './trivy.js';
import type { ScanFinding } from './types.js';

/** True for Grype's JSON report (`grype -o json`). */
export function isGrypeReport(json: unknown): boolean {
  const doc = object(json);
  return Array.isArray(doc.matches) && ('descriptor' in doc || 'source' in doc);
}

/** Parses `grype -o json`. One record per match: the same CVE at two paths stays two records. */
export function parseGrypeReportDetailed(json: unknown): ParsedReport {
  const doc = object(json);
  const records: ScanRecord[] = [];
  for (const matchValue of array(doc.matches)) {
    const match = object(matchValue);
    const vuln = object(match.vulnerability);
    const artifact = object(match.artifact);
    const fix = object(vuln.fix);
    const fixVersions = array(fix.versions).map(text).filter(Boolean);
    const suggested = array(match.matchDetails).map((d) => textOrNull(object(object(d).fix).suggestedVersion)).find((v) => v !== null);
    const related = array(match.relatedVulnerabilities).map(object);
    const description = text(vuln.description) || text(related.find((r) => text(r.description))?.description);
    const type = textOrNull(artifact.type);
    const os = isOsPackageType(type);
    const locations = array(artifact.locations).map(object);
    const upstreams = array(artifact.upstreams).map((u) => text(object(u).name)).filter(Boolean);
    records.push({
      finding: {
        id: text(vuln.id),
        severity: normalizeSeverity(vuln.severity),
        package: text(artifact.name),
        installed: text(artifact.version),
        fixedIn: suggested ?? fixVersions[0] ?? null,
        source: os ? 'base' : 'app',
        scanner: 'grype',
        title: firstSentence(description) || `${text(vuln.id)} in ${text(artifact.name)}`,
        url: text(vuln.dataSource) || text(array(vuln.urls)[0]),
      },
      layers: locations.map((l) => text(l.layerID)).filter(Boolean),
      path: textOrNull(locations[0]?.path),
      // Grype names the source package a binary package was built from, not a dependency chain.
      introducedBy: upstreams.map((u) => [u, text(artifact.name)]),
      ecosystem: os ? 'os' : (textOrNull(artifact.language) ?? type),
    });
  }
  const source = object(doc.source);
  const target = object(source.target);
  const distro = object(doc.distro);
  return {
    scanner: 'grype',
    records,
    image: textOrNull(target.userInput) ?? textOrNull(source.target),
    // Syft records a layer by its uncompressed digest, i.e. the diff id.
    layers: array(target.layers).map((l) => ({ digest: textOrNull(object(l).digest), diffId: textOrNull(object(l).digest) })),
    os: textOrNull(`${text(distro.name)} ${text(distro.version)}`),
  };
}

export function parseGrypeReport(json: unknown): ScanFinding[] {
  return findingsOf(parseGrypeReportDetailed(json));
}

export const grypeScanner: ScannerAdapter = {
  name: 'grype',
  title: 'Grype',
  binary: 'grype',
  install: 'install Grype (https://github.com/anchore/grype#installation, e.g. `brew install grype`)',
  args: (image) => ['-q', '-o', 'json', image],
  parse: parseGrypeReportDetailed,
};
