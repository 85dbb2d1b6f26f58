import { clock, type CommandContext } from '../cli/context.js';
import { EXIT } from '../cli/errors.js';
import { Engine } from '../docker/engine.js';
import { auditImageFacts, DEFAULT_THRESHOLD, failing, type Threshold } from './audit.js';
import { renderJson, renderTty } from './format.js';
import { gatherImageFacts } from './gather.js';
import { renderSarif } from './sarif.js';
import type { AuditReport } from './types.js';

export type AuditFormat = 'tty' | 'json' | 'sarif';

export interface AuditOptions {
  format: AuditFormat;
  threshold?: Threshold;
}

/** Gathers an image's facts from the engine and audits them; `today` judges end-of-life facts (default: now). */
export async function auditImage(engine: Engine, ref: string, today: Date = new Date()): Promise<AuditReport> {
  return auditImageFacts(await gatherImageFacts(engine, ref), undefined, today);
}

export function renderReport(report: AuditReport, format: AuditFormat, color: boolean, version = '0.0.0'): string {
  if (format === 'json') return renderJson(report);
  if (format === 'sarif') return renderSarif(report, version);
  return renderTty(report, color);
}

/** `harden-init audit <image>`: prints the report; exit 1 with findings at or above the threshold. */
export async function runAuditCommand(ref: string, options: AuditOptions, ctx: CommandContext, version?: string): Promise<number> {
  const engine = await Engine.connect(ctx.env);
  const report = await auditImage(engine, ref, clock(ctx.env));
  ctx.stdout.write(renderReport(report, options.format, ctx.color, version));
  return failing(report.findings, options.threshold ?? DEFAULT_THRESHOLD).length > 0 ? EXIT.findings : EXIT.ok;
}
