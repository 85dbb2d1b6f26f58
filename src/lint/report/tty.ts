import type { LintFinding, LintLevel } from '../types.js';

export interface TtyOptions {
  /** ANSI colours (the caller decides: NO_COLOR, TTY, --no-color). Default: false. */
  color?: boolean;
  /** Files linted, so clean ones get an "ok" line. */
  files?: string[];
}

const STYLE = {
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  info: ['\u001b[36m', '\u001b[39m'],
  style: ['\u001b[90m', '\u001b[39m'],
  file: ['\u001b[1m\u001b[4m', '\u001b[24m\u001b[22m'],
  dim: ['\u001b[2m', '\u001b[22m'],
  ok: ['\u001b[32m', '\u001b[39m'],
} as const;

/** Human output: findings grouped by file, one line each plus the fix, then a summary line. */
export function formatTty(findings: LintFinding[], options: TtyOptions = {}): string {
  const paint = (token: keyof typeof STYLE, text: string) => (options.color ? `${STYLE[token][0]}${text}${STYLE[token][1]}` : text);
  const byFile = new Map<string, LintFinding[]>((options.files ?? []).map((f) => [f, []]));
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    if (list.length === 0) {
      out.push(`${paint('file', file)} ${paint('ok', 'no findings')}`);
      continue;
    }
    out.push(paint('file', file));
    const width = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) {
      const where = `${f.line}:${f.column}`.padEnd(width);
      const aliases = f.aliases.length ? paint('dim', ` (${f.aliases.join(', ')})`) : '';
      out.push(`  ${where}  ${paint(f.level, f.level.padEnd(7))}  ${f.code}  ${f.message}${aliases}`);
      out.push(`  ${' '.repeat(width)}  ${' '.repeat(7)}  ${paint('dim', `fix: ${f.fix}`)}`);
    }
    out.push('');
  }
  const counts = (['error', 'warning', 'info', 'style'] as LintLevel[]).map((l) => [l, findings.filter((f) => f.level === l).length] as const).filter(([, n]) => n > 0);
  out.push(findings.length === 0 ? paint('ok', `${byFile.size || 'no'} file${byFile.size === 1 ? '' : 's'} checked, no findings`) : `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.map(([l, n]) => paint(l, `${n} ${l}`)).join(', ')}`);
  return `${out.join('\n')}\n`;
}
