/** Scan finding, exactly the "Scan findings, JSON" shape of the SPEC. */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export type ScannerName = 'trivy' | 'grype' | 'scout' | 'snyk' | 'builtin';

export interface ScanFinding {
  id: string;
  severity: Severity;
  package: string;
  installed: string;
  fixedIn: string | null;
  source: 'base' | 'app';
  scanner: ScannerName;
  title: string;
  url: string;
}
