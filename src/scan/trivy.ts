import type { ScannerAdapter } from './adapter.js';
import { dependencyChains } from './dependency-paths.js';
import { array, findingsOf, isOsPackageType, object, text, textOrNull, type ParsedReport, type ReportLayer, type ScanRecord } from './record.js';
import { normalizeSeverity } from './severity.js';
import type { ScanFinding } from './types.js';

/** True for Trivy's JSON report (`trivy image -f json`, SchemaVersion 2, or the older bare array). */
export function isTrivyReport(json: unknown): boolean {
  const doc = object(json);
  if ('SchemaVersion' in doc && ('Results' in doc || 'ArtifactName' in doc)) return true;
  return Array.isArray(json) && json.length > 0 && json.every((r) => 'Target' in object(r) && ('Vulnerabilities' in object(r) || 'Type' in object(r)));
}

function layerIds(value: unknown): string[] {
  const layer = object(value);
  return [textOrNull(layer.DiffID), textOrNull(layer.Digest)].filter((v): v is string => v !== null);
}

function trivyLayers(metadata: Record<string, unknown>): ReportLayer[] {
  const listed = array(metadata.Layers).map((l) => ({ digest: textOrNull(object(l).Digest), diffId: textOrNull(object(l).DiffID) }));
  if (listed.length > 0) return listed;
  const diffIds = array(metadata.DiffIDs).length > 0 ? array(metadata.DiffIDs) : array(object(object(metadata.ImageConfig).rootfs).diff_ids);
  return diffIds.map((d) => ({ digest: null, diffId: textOrNull(d) }));
}

/** Parses `trivy image -f json` (vulnerabilities, misconfigurations, secrets and licenses: nothing dropped). */
export function parseTrivyReportDetailed(json: unknown): ParsedReport {
  const doc = object(json);
  const results = Array.isArray(json) ? json : array(doc.Results);
  const metadata = object(doc.Metadata);
  const os = object(metadata.OS);
  const records: ScanRecord[] = [];
  for (const resultValue of results) {
    const result = object(resultValue);
    const target = text(result.Target);
    const cls = text(result.Class);
    const type = textOrNull(result.Type);
    const osClass = cls === 'os-pkgs' || (cls === '' && isOsPackageType(type));
    const graph = new Map<string, string[]>();
    const names = new Map<string, string>();
    for (const pkgValue of array(result.Packages)) {
      const pkg = object(pkgValue);
      const id = text(pkg.ID) || `${text(pkg.Name)}@${text(pkg.Version)}`;
      names.set(id, text(pkg.Name) ? `${text(pkg.Name)}@${text(pkg.Version)}` : id);
      graph.set(id, array(pkg.DependsOn).map(text));
    }
    for (const vulnValue of array(result.Vulnerabilities)) {
      const v = object(vulnValue);
      const pkgId = text(v.PkgID) || `${text(v.PkgName)}@${text(v.InstalledVersion)}`;
      const chains = graph.size > 0 ? dependencyChains(graph, pkgId).map((chain) => chain.map((id) => names.get(id) ?? id)) : [];
      records.push({
        finding: {
          id: text(v.VulnerabilityID),
          severity: normalizeSeverity(v.Severity),
          package: text(v.PkgName),
          installed: text(v.InstalledVersion),
          fixedIn: textOrNull(v.FixedVersion),
          source: osClass ? 'base' : 'app',
          scanner: 'trivy',
          title: text(v.Title) || firstSentence(text(v.Description)) || text(v.VulnerabilityID),
          url: text(v.PrimaryURL) || text(array(v.References)[0]),
        },
        layers: layerIds(v.Layer),
        path: textOrNull(v.PkgPath) ?? (target || null),
        introducedBy: chains,
        ecosystem: osClass ? 'os' : type,
      });
    }
    for (const mValue of array(result.Misconfigurations)) {
      const m = object(mValue);
      records.push(plain(m.ID ?? m.AVDID, m.Severity, target, text(m.Title) || text(m.Message), text(m.PrimaryURL) || text(array(m.References)[0]), m.Layer, target, 'config'));
    }
    for (const sValue of array(result.Secrets)) {
      const s = object(sValue);
      records.push(plain(s.RuleID, s.Severity, target, text(s.Title) || text(s.Category), '', s.Layer, target, 'secret'));
    }
    for (const lValue of array(result.Licenses)) {
      const l = object(lValue);
      records.push(plain(`license:${text(l.Name)}`, l.Severity, text(l.PkgName) || text(l.FilePath) || target, `license ${text(l.Name)}`, text(l.Link), l.Layer, textOrNull(l.FilePath) ?? target, 'license'));
    }
  }
  const name = textOrNull(doc.ArtifactName);
  return {
    scanner: 'trivy',
    records,
    image: name,
    layers: trivyLayers(metadata),
    os: textOrNull(`${text(os.Family)} ${text(os.Name)}`),
    history: array(object(metadata.ImageConfig).history).map((h) => ({ createdBy: text(object(h).created_by), emptyLayer: object(h).empty_layer === true })),
  };
}

function plain(id: unknown, severity: unknown, pkg: string, title: string, url: string, layer: unknown, path: string, ecosystem: string): ScanRecord {
  return {
    finding: { id: text(id), severity: normalizeSeverity(severity), package: pkg, installed: '', fixedIn: null, source: 'app', scanner: 'trivy', title, url },
    layers: layerIds(layer),
    path: path || null,
    introducedBy: [],
    ecosystem,
  };
}

export function firstSentence(description: string): string {
  const line = description.split('\n')[0].trim();
  const end = line.search(/\.\s/);
  const sentence = end > 0 ? line.slice(0, end + 1) : line;
  return sentence.length > 160 ? `${sentence.slice(0, 157)}...` : sentence;
}

/** `trivy image -f json` report -> findings. */
export function parseTrivyReport(json: unknown): ScanFinding[] {
  return findingsOf(parseTrivyReportDetailed(json));
}

export const trivyScanner: ScannerAdapter = {
  name: 'trivy',
  title: 'Trivy',
  binary: 'trivy',
  install: 'install Trivy (https://trivy.dev/latest/getting-started/installation/, e.g. `brew install trivy` or the aquasec apt repository)',
  args: (image, { dependencyTree }) => ['image', '--quiet', '--format', 'json', ...(dependencyTree ? ['--list-all-pkgs'] : []), image],
  parse: parseTrivyReportDetailed,
};
