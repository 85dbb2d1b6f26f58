import type { Severity } from './types.js';

/** Severities from most to least serious; `unknown` ranks lowest. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'unknown'];

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, unknown: 0 };

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** True when `severity` is at or above `threshold`; no threshold means every finding counts. */
export function atOrAbove(severity: Severity, threshold: Severity | undefined): boolean {
  return threshold === undefined || RANK[severity] >= RANK[threshold];
}

/** Maps a scanner's severity word (any case, incl. Grype's `Negligible`, GitHub's `moderate`) to ours. */
export function normalizeSeverity(value: unknown): Severity {
  if (typeof value !== 'string') return 'unknown';
  switch (value.trim().toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'important':
      return 'high';
    case 'medium':
    case 'moderate':
      return 'medium';
    case 'low':
    case 'negligible':
    case 'minor':
      return 'low';
    default:
      return 'unknown';
  }
}

/** A CVSS-style score (SARIF `security-severity`) to a severity, per CVSS v3 bands. */
export function severityFromScore(score: unknown): Severity {
  const n = typeof score === 'string' ? Number.parseFloat(score) : typeof score === 'number' ? score : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) return 'unknown';
  if (n >= 9) return 'critical';
  if (n >= 7) return 'high';
  if (n >= 4) return 'medium';
  return 'low';
}
