import type { LintFinding, LintLevel } from '../types.js';

const SEVERITY: Record<LintLevel, string> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Checkstyle XML, one <file> per linted file (files without findings included when listed). */
export function formatCheckstyle(findings: LintFinding[], files: string[] = []): string {
  const byFile = new Map<string, LintFinding[]>(files.map((f) => [f, []]));
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, list] of byFile) {
    lines.push(`  <file name="${escapeXml(file)}">`);
    for (const f of list) {
      lines.push(`    <error line="${f.line}" column="${f.column}" severity="${SEVERITY[f.level]}" message="${escapeXml(`${f.message}. Fix: ${f.fix}`)}" source="${escapeXml([f.code, ...f.aliases].join(','))}"/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
}
