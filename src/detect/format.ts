import type { AppFacts, Detection, Evidence } from './types.js';

export interface FormatOptions {
  /** Wraps text in a style; identity when colour is off. */
  bold?: (text: string) => string;
  dim?: (text: string) => string;
  warn?: (text: string) => string;
}

const plain = (text: string) => text;

function factLines(facts: AppFacts, indent: string): string[] {
  const rows: Array<[string, string]> = [
    ['language', facts.language],
    ['package manager', facts.packageManager],
    ['version', facts.version ?? '(not pinned)'],
    ['framework', facts.framework ?? '(none)'],
    ['install', facts.install ?? '(none)'],
    ['build', facts.build ?? '(none)'],
    ['start', facts.start ?? '(unknown)'],
    ['port', facts.port === null ? '(unknown)' : String(facts.port)],
    ['health check', facts.healthcheck ?? '(none found)'],
  ];
  return rows.map(([label, value]) => `${indent}${label.padEnd(16)}${value}`);
}

/** `src/server.js:12: health route app.get('/healthz')`, or `package.json: Node project`. */
export function evidenceText(evidence: Evidence): string {
  return `${evidence.file}${evidence.line === undefined ? '' : `:${evidence.line}`}: ${evidence.fact}`;
}

function evidenceLines(evidence: Evidence[], indent: string, dim: (t: string) => string): string[] {
  return evidence.map((e) => `${indent}${dim('-')} ${evidenceText(e)}`);
}

/** The tty summary of `harden-init detect`: facts, where each came from, apps, warnings. */
export function formatDetection(detection: Detection, options: FormatOptions = {}): string {
  const bold = options.bold ?? plain;
  const dim = options.dim ?? plain;
  const warn = options.warn ?? plain;
  const lines: string[] = [bold(detection.workspace ? 'Workspace' : 'Detected'), ...factLines(detection, '  ')];
  if (detection.evidence.length) lines.push('', bold('Evidence'), ...evidenceLines(detection.evidence, '  ', dim));
  if (detection.apps.length) {
    lines.push('', bold(`Apps (${detection.apps.length})`));
    for (const app of detection.apps) {
      lines.push(`  ${bold(app.path)}`, ...factLines(app, '    '));
      if (app.evidence?.length) lines.push(...evidenceLines(app.evidence, '    ', dim));
    }
  }
  if (detection.warnings.length) lines.push('', bold('Warnings'), ...detection.warnings.map((w) => `  ${warn('!')} ${w}`));
  return `${lines.join('\n')}\n`;
}
