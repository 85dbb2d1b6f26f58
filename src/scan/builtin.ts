import { clock, type CommandContext } from '../cli/context.js';
import { AUDIT_RULE_DOCS_URL } from '../audit/sarif.js';
import { auditRules } from '../audit/rules/index.js';
import type { AuditFinding } from '../audit/types.js';
import { connectEngine, readImageFacts } from './docker-image.js';
import type { ParsedReport, ScanRecord } from './record.js';
import type { Severity } from './types.js';

const SEVERITY: Record<AuditFinding['level'], Severity> = { error: 'high', warning: 'medium', info: 'low', style: 'low' };

/** Audit findings as scan findings; `layer` (1-based) becomes that layer's diff id, for `--exclude-base`. */
export function auditRecords(findings: AuditFinding[], image: string, diffIds: string[]): ScanRecord[] {
  const slugs = new Map(auditRules.map((rule) => [rule.id, rule.slug]));
  return findings.map((f) => {
    const slug = slugs.get(f.id);
    const layer = f.layer !== undefined ? diffIds[f.layer - 1] : undefined;
    return {
      finding: {
        id: f.id,
        severity: SEVERITY[f.level],
        package: f.path ?? image,
        installed: '',
        fixedIn: null,
        source: 'app',
        scanner: 'builtin',
        title: f.message,
        url: slug ? `${AUDIT_RULE_DOCS_URL}/${slug}.ts` : '',
      },
      layers: layer ? [layer] : [],
      path: f.path ?? null,
      introducedBy: [],
      ecosystem: 'audit',
    };
  });
}

/** `--scanner builtin`: the offline image audit (no CVE database), its findings as scan findings. */
export async function builtinReport(image: string, ctx: CommandContext): Promise<ParsedReport> {
  const { auditImage } = await import('../audit/run.js');
  const engine = await connectEngine(ctx.env);
  const report = await auditImage(engine, image, clock(ctx.env));
  const facts = await readImageFacts(engine, image);
  const diffIds = facts?.diffIds ?? [];
  return { scanner: 'builtin', records: auditRecords(report.findings, image, diffIds), image, layers: diffIds.map((d) => ({ digest: null, diffId: d })), os: null, history: facts?.history };
}
