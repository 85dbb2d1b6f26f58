import { styleText } from 'node:util';
import { formatSize } from './rules/keep-image-small.js';
import type { AuditLevel, AuditReport } from './types.js';

const COLOR: Record<AuditLevel, 'red' | 'yellow' | 'cyan' | 'gray'> = { error: 'red', warning: 'yellow', info: 'cyan', style: 'gray' };

/** `--format tty`: one block per finding, then a summary line. */
export function renderTty(report: AuditReport, color: boolean): string {
  const paint = (c: Parameters<typeof styleText>[0], text: string) => (color ? styleText(c, text) : text);
  const lines = [
    `${report.image}  ${formatSize(report.size)}, ${report.layers} layers, user ${report.user || 'root (none set)'}`,
    `security contact: ${report.contact ? `${report.contact.value} (label ${report.contact.label})` : 'none (no securitytxt or security.contact label)'}`,
  ];
  for (const f of report.findings) {
    const aliases = f.aliases.length > 0 ? paint('gray', ` [${f.aliases.join(', ')}]`) : '';
    lines.push(`${paint(COLOR[f.level], f.level.padEnd(7))} ${f.id} ${f.message}${aliases}`);
    lines.push(`        ${paint('gray', 'fix:')} ${f.fix}`);
  }
  const counts = (['error', 'warning', 'info', 'style'] as const).map((level) => [level, report.findings.filter((f) => f.level === level).length] as const).filter(([, n]) => n > 0);
  lines.push(counts.length === 0 ? paint('green', 'no findings') : counts.map(([level, n]) => `${n} ${level}${n === 1 ? '' : level === 'info' || level === 'style' ? '' : 's'}`).join(', '));
  return `${lines.join('\n')}\n`;
}

/** `--format json`: the findings array (SPEC fields) plus image facts. */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
