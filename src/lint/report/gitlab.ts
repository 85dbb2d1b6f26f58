import { createHash } from 'node:crypto';
import type { LintFinding, LintLevel } from '../types.js';

const SEVERITY: Record<LintLevel, string> = { error: 'major', warning: 'minor', info: 'info', style: 'info' };

/** GitLab Code Quality report (a JSON array of issues with a stable fingerprint). */
export function formatGitlab(findings: LintFinding[]): string {
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const base = `${f.file}:${f.code}:${f.line}:${f.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      type: 'issue',
      check_name: f.code,
      description: `${f.code} ${f.message}. Fix: ${f.fix}`,
      categories: ['Security'],
      fingerprint: createHash('sha256').update(`${base}:${n}`).digest('hex').slice(0, 32),
      severity: SEVERITY[f.level],
      location: { path: f.file, lines: { begin: f.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
