import type { HistoryEntry } from './locate.js';
import type { ScanFinding, ScannerName } from './types.js';

/**
 * One finding plus what the report says about where it came from. The SPEC's JSON carries only
 * `finding`; the rest feeds `--exclude-base`, `--file` and `--dependency-tree`.
 */
export interface ScanRecord {
  finding: ScanFinding;
  /** Layer ids the package was found in (diff ids and/or compressed digests), as the report gives them. */
  layers: string[];
  /** Where the package lives: a file in the image, a lockfile, or the report's target. */
  path: string | null;
  /** Dependency chains, each from a top-level package down to the vulnerable one (report permitting). */
  introducedBy: string[][];
  /** `os` for distribution packages, else the language ecosystem (npm, pip, cargo, ...) when known. */
  ecosystem: string | null;
}

/** A layer of the scanned image as a report describes it. */
export interface ReportLayer {
  digest: string | null;
  diffId: string | null;
}

export interface ParsedReport {
  scanner: ScannerName;
  records: ScanRecord[];
  /** The scanned image, when the report names it. */
  image: string | null;
  /** The image's layers, bottom first, when the report lists them. */
  layers: ReportLayer[];
  /** e.g. `debian 12.12`, `alpine 3.10.2`. */
  os: string | null;
  /** The image's history, oldest first, when the report carries its config (Trivy does). */
  history?: HistoryEntry[];
}

/** OS package types of the scanners (Trivy result types, Grype/Syft artifact types, Snyk package managers). */
const OS_TYPES = new Set([
  'deb', 'dpkg', 'debian', 'ubuntu', 'apk', 'alpine', 'wolfi', 'chainguard', 'rpm', 'redhat', 'centos', 'rocky', 'alma',
  'fedora', 'amazon', 'oracle', 'photon', 'suse', 'opensuse', 'opensuse.leap', 'sles', 'cbl-mariner', 'azurelinux',
  'alpm', 'portage', 'linux-kernel', 'distroless', 'os',
]);

export function isOsPackageType(type: string | null | undefined): boolean {
  return typeof type === 'string' && OS_TYPES.has(type.toLowerCase());
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

export function textOrNull(value: unknown): string | null {
  const s = text(value).trim();
  return s === '' ? null : s;
}

export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function object(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function findingsOf(report: ParsedReport): ScanFinding[] {
  return report.records.map((record) => record.finding);
}
