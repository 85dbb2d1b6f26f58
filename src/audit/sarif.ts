import { auditRules } from './rules/index.js';
import type { AuditLevel, AuditReport } from './types.js';

const LEVEL: Record<AuditLevel, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };
const SCORE: Record<AuditLevel, string> = { error: '8.0', warning: '5.5', info: '2.0', style: '0.5' };

/** `--format sarif`: a SARIF 2.1.0 log; rules from the audit registry, results located in the image. */
export function renderSarif(report: AuditReport, version: string): string {
  const used = auditRules.filter((rule) => report.findings.some((f) => f.id === rule.id));
  const index = new Map(used.map((rule, i) => [rule.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'harden-init audit',
            version,
            informationUri: 'https://github.com/harden-init/harden-init',
            rules: used.map((rule) => ({
              id: rule.id,
              name: rule.slug,
              shortDescription: { text: rule.title },
              help: { text: rule.fix },
              defaultConfiguration: { level: LEVEL[rule.level] },
              properties: { aliases: rule.aliases, tags: ['security', 'container'], 'security-severity': SCORE[rule.level] },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.id,
          ruleIndex: index.get(f.id),
          level: LEVEL[f.level],
          message: { text: `${f.message}. Fix: ${f.fix}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: (f.path ?? '/').replace(/^\/+/, '') || '.', uriBaseId: 'IMAGE' } },
              logicalLocations: [{ name: report.image, kind: 'image', fullyQualifiedName: `${report.image}${f.layer ? `#layer${f.layer}` : ''}` }],
            },
          ],
          properties: { aliases: f.aliases, ...(f.layer ? { layer: f.layer } : {}) },
        })),
        originalUriBaseIds: { IMAGE: { uri: 'file:///', description: { text: `the filesystem of ${report.image} (${report.id})` } } },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
