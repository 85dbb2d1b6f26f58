import type { ScannerAdapter } from './adapter.js';
import { findingsOf, type ParsedReport } from './record.js';
import { isSarif, parseSarifReport, sarifScanner } from './sarif-report.js';
import type { ScanFinding } from './types.js';

/** True for `docker scout cves --format sarif`. */
export function isScoutReport(json: unknown): boolean {
  return isSarif(json) && sarifScanner(json) === 'scout';
}

/**
 * Parses `docker scout cves --format sarif`: one rule per CVE with `properties.purls`,
 * `affected_version`, `fixed_version` and `cvssV3_severity`; one result per affected package.
 */
export function parseScoutReportDetailed(json: unknown): ParsedReport {
  return parseSarifReport(json, 'scout');
}

export function parseScoutReport(json: unknown): ScanFinding[] {
  return findingsOf(parseScoutReportDetailed(json));
}

export const scoutScanner: ScannerAdapter = {
  name: 'scout',
  title: 'Docker Scout',
  binary: 'docker',
  plugin: 'docker-scout',
  install: 'install the Docker Scout CLI plugin (https://docs.docker.com/scout/install/, it ships with Docker Desktop)',
  args: (image) => ['scout', 'cves', '--format', 'sarif', image],
  parse: parseScoutReportDetailed,
};
