// Lint findings as SARIF 2.1.0, through the shared builder in src/sarif.
import { buildSarif, sarifText, PROJECT_URI, type SarifLevel, type SarifOptions, type SarifRuleInput } from '../../sarif/index.js';
import type { LintFinding, LintLevel } from '../types.js';
import type { Rule } from '../rule.js';
import { RULES } from '../rules/index.js';

export { buildSarif, SARIF_SCHEMA, type SarifLevel, type SarifOptions, type SarifResultInput, type SarifRuleInput } from '../../sarif/index.js';

/** Each rule's file carries its docs, title, fix and aliases next to the check itself. */
export const RULE_DOCS_URL = `${PROJECT_URI}/blob/main/src/lint/rules`;

const SARIF_LEVEL: Record<LintLevel | 'off', SarifLevel> = { error: 'error', warning: 'warning', info: 'note', style: 'note', off: 'none' };

export function lintLevelToSarif(level: LintLevel): SarifLevel {
  return SARIF_LEVEL[level];
}

/** SARIF rule metadata of lint rules: help text is the fix plus the why, aliases in properties. */
export function lintSarifRules(rules: readonly Rule[] = RULES): SarifRuleInput[] {
  return rules.map((rule) => ({
    id: rule.id,
    name: rule.slug,
    shortDescription: rule.title,
    fullDescription: rule.docs,
    help: `${rule.fix}\n\n${rule.docs}${rule.aliases.length ? `\n\nAlso known as: ${rule.aliases.join(', ')}.` : ''}`,
    helpMarkdown: `**Fix:** ${rule.fix}\n\n${rule.docs}${rule.aliases.length ? `\n\nAlso known as: ${rule.aliases.map((a) => `\`${a}\``).join(', ')}.` : ''}`,
    helpUri: `${RULE_DOCS_URL}/${rule.slug}.ts`,
    level: SARIF_LEVEL[rule.level],
    tags: ['dockerfile', ...(rule.level === 'error' ? ['security'] : [])],
    properties: { aliases: rule.aliases },
  }));
}

/** Lint findings as SARIF 2.1.0 (GitHub code scanning accepts it as is). */
export function formatSarif(findings: LintFinding[], options: SarifOptions = {}): string {
  const used = new Set(findings.map((f) => f.code));
  const rules = lintSarifRules(RULES.filter((r) => used.has(r.id)));
  const results = findings.map((f) => ({
    ruleId: f.code,
    level: lintLevelToSarif(f.level),
    message: `${f.message}. Fix: ${f.fix}`,
    file: f.file,
    line: f.line,
    column: f.column,
    properties: { aliases: f.aliases, severity: f.level },
  }));
  return sarifText(buildSarif('harden-init', rules, results, options));
}
