// SARIF 2.1.0 output. `buildSarif` is generic: lint, audit and scan pass their own rules and results.
import type { LintFinding, LintLevel } from '../types.js';
import type { Rule } from '../rule.js';
import { RULES } from '../rules/index.js';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifRuleInput {
  id: string;
  /** PascalCase or kebab-case name shown by viewers. */
  name?: string;
  shortDescription: string;
  fullDescription?: string;
  /** Plain-text help: what to do and why. */
  help: string;
  helpMarkdown?: string;
  helpUri?: string;
  level?: SarifLevel;
  /** e.g. `security`, `CWE-250`; GitHub reads `security-severity` from properties. */
  tags?: string[];
  properties?: Record<string, unknown>;
}

export interface SarifResultInput {
  ruleId: string;
  level: SarifLevel;
  message: string;
  /** Path relative to the repository root (forward slashes). */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  properties?: Record<string, unknown>;
}

export interface SarifOptions {
  version?: string;
  informationUri?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** A SARIF 2.1.0 log with one run. */
export function buildSarif(toolName: string, rules: SarifRuleInput[], results: SarifResultInput[], options: SarifOptions = {}): Record<string, unknown> {
  const index = new Map(rules.map((r, k) => [r.id, k]));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: rules.map((r) => ({
              id: r.id,
              ...(r.name ? { name: r.name } : {}),
              shortDescription: { text: r.shortDescription },
              fullDescription: { text: r.fullDescription ?? r.shortDescription },
              help: { text: r.help, ...(r.helpMarkdown ? { markdown: r.helpMarkdown } : {}) },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              defaultConfiguration: { level: r.level ?? 'warning' },
              properties: { ...(r.tags ? { tags: r.tags } : {}), ...r.properties },
            })),
          },
        },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          ...(index.has(r.ruleId) ? { ruleIndex: index.get(r.ruleId) } : {}),
          level: r.level,
          message: { text: r.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file.replace(/\\/g, '/'), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: Math.max(1, r.line ?? 1),
                  ...(r.column ? { startColumn: Math.max(1, r.column) } : {}),
                  ...(r.endLine ? { endLine: r.endLine } : {}),
                  ...(r.endColumn ? { endColumn: r.endColumn } : {}),
                },
              },
            },
          ],
          ...(r.properties ? { properties: r.properties } : {}),
        })),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}

/** Each rule's file carries its docs, title, fix and aliases next to the check itself. */
export const RULE_DOCS_URL = 'https://github.com/harden-init/harden-init/blob/main/src/lint/rules';

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
  return `${JSON.stringify(buildSarif('harden-init', rules, results, { informationUri: 'https://github.com/harden-init/harden-init', ...options }), null, 2)}\n`;
}
