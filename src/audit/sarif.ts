import { buildSarif, sarifText, PROJECT_URI, type SarifLevel, type SarifRuleInput } from '../sarif/index.js';
import { auditRules } from './rules/index.js';
import type { AuditLevel, AuditReport, AuditRule } from './types.js';

const LEVEL: Record<AuditLevel, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };
const SCORE: Record<AuditLevel, number> = { error: 8, warning: 5.5, info: 2, style: 0.5 };

/** Each audit rule's file (named after its slug) carries its title, fix and check. */
export const AUDIT_RULE_DOCS_URL = `${PROJECT_URI}/blob/main/src/audit/rules`;

/** SARIF rule metadata of audit rules: help is the fix, the link is the rule's own file. */
export function auditSarifRules(rules: readonly AuditRule[] = auditRules): SarifRuleInput[] {
  return rules.map((rule) => {
    const aliases = rule.aliases.length ? `\n\nAlso known as: ${rule.aliases.join(', ')}.` : '';
    return {
      id: rule.id,
      name: rule.slug,
      shortDescription: rule.title,
      help: `${rule.fix}${aliases}`,
      helpMarkdown: `**Fix:** ${rule.fix}${rule.aliases.length ? `\n\nAlso known as: ${rule.aliases.map((a) => `\`${a}\``).join(', ')}.` : ''}`,
      helpUri: `${AUDIT_RULE_DOCS_URL}/${rule.slug}.ts`,
      level: LEVEL[rule.level],
      tags: ['security', 'container'],
      securitySeverity: SCORE[rule.level],
      properties: { aliases: rule.aliases },
    };
  });
}

/** `--format sarif`: a SARIF 2.1.0 log; rules from the audit registry, results located in the image's filesystem. */
export function renderSarif(report: AuditReport, version: string): string {
  const used = auditRules.filter((rule) => report.findings.some((f) => f.id === rule.id));
  const results = report.findings.map((f) => ({
    ruleId: f.id,
    level: LEVEL[f.level],
    message: `${f.message}. Fix: ${f.fix}`,
    file: f.path ?? '/',
    uriBaseId: 'IMAGE',
    identity: [f.id, f.path ?? '', f.message].join('\u0000'),
    logicalLocations: [{ name: report.image, kind: 'image', fullyQualifiedName: `${report.image}${f.layer ? `#layer${f.layer}` : ''}` }],
    properties: { aliases: f.aliases, ...(f.layer ? { layer: f.layer } : {}) },
  }));
  const log = buildSarif('harden-init audit', auditSarifRules(used), results, {
    version,
    defaultUriBaseId: 'IMAGE',
    uriBases: { IMAGE: { uri: 'file:///', description: `the filesystem of ${report.image} (${report.id})` } },
  });
  return sarifText(log);
}
