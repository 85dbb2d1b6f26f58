import type { LintFinding } from '../types.js';

/** The SPEC "Lint findings, JSON" array. */
export function formatJson(findings: LintFinding[]): string {
  return `${JSON.stringify(
    findings.map((f) => ({ file: f.file, line: f.line, column: f.column, level: f.level, code: f.code, message: f.message, aliases: f.aliases, fix: f.fix })),
    null,
    2,
  )}\n`;
}
