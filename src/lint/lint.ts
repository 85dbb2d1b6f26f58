import { defaultLintConfig, type LintConfig } from './config-schema.js';
import { parseDockerfile, type DockerfileModel } from './model.js';
import type { Rule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { toDay } from '../eol/table.js';
import type { LintFinding, LintLevel } from './types.js';

export const LEVEL_ORDER: Record<LintLevel, number> = { error: 0, warning: 1, info: 2, style: 3 };

/** The rule is named by `name`: its code, its slug or one of its aliases (case-insensitive). */
export function ruleMatches(rule: Rule, name: string): boolean {
  const wanted = name.trim().toUpperCase();
  return rule.id.toUpperCase() === wanted || rule.slug.toUpperCase() === wanted || rule.aliases.some((a) => a.toUpperCase() === wanted);
}

/** Whether some rule answers to `name` (id, slug or alias). */
export function isRuleName(name: string): boolean {
  return RULES.some((rule) => ruleMatches(rule, name));
}

/** The level a rule reports at under `config`, or 'off'. */
export function effectiveLevel(rule: Rule, config: LintConfig): LintLevel | 'off' {
  for (const level of ['error', 'warning', 'info', 'style'] as LintLevel[]) {
    if ((config.override[level] ?? []).some((name) => ruleMatches(rule, name))) return level;
  }
  return rule.level;
}

interface Pragma {
  scope: 'line' | 'stage' | 'global';
  names: string[];
  /** Line the pragma applies to (scope line) or the stage index (scope stage). */
  target: number;
}

const PRAGMA = /^#?\s*(hadolint|harden-init)\s+(?:(global|stage)\s+)?ignore\s*=\s*(.*)$/i;

function readPragmas(model: DockerfileModel): Pragma[] {
  const pragmas: Pragma[] = [];
  const starts = model.instructions.filter((i) => !i.onbuild);
  for (const comment of model.comments) {
    if (!/^(hadolint|harden-init)\s/i.test(comment.text)) continue;
    const match = PRAGMA.exec(comment.text.trim());
    if (!match) continue;
    // Comment lines inside a continued instruction belong to it, not before the next one.
    if (starts.some((i) => i.line < comment.line && i.endLine > comment.line)) continue;
    const names = match[3]
      .split('#')[0]
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    // hadolint drops a pragma that names anything but rule codes; ours accepts ids, slugs and aliases.
    if (match[1].toLowerCase() === 'hadolint' && names.some((n) => !/^(DL|SC)\d+$/.test(n))) continue;
    const scope = (match[2]?.toLowerCase() as 'global' | 'stage' | undefined) ?? 'line';
    const next = starts.find((i) => i.line > comment.line);
    if (scope === 'line') {
      if (next) pragmas.push({ scope, names, target: next.line });
    } else if (scope === 'stage') {
      const stage = next && next.keyword === 'FROM' ? next.stage : (starts.filter((i) => i.line < comment.line).pop()?.stage ?? (next ? next.stage : -1));
      pragmas.push({ scope, names, target: stage });
    } else pragmas.push({ scope, names, target: 0 });
  }
  return pragmas;
}

export interface LintOptions {
  /** The file name reported in findings. Default: `Dockerfile`. */
  file?: string;
  /** Default: `defaultLintConfig()`. */
  config?: LintConfig;
  /** Rethrow a rule's exception instead of skipping the rule (for tests). */
  strict?: boolean;
  /** The day end-of-life facts are judged by; default: the day the end-of-life table was taken (the CLI passes today). */
  today?: Date | string;
  /** Keep the parsed text for the calls that follow (fix, retrofit). Default true; false where each text is linted once. */
  keep?: boolean;
}

/** The rules a config runs, with their levels; kept for the few configs of a run. */
const enabledRules = new Map<string, Array<{ rule: Rule; level: LintLevel }>>();

function rulesToRun(config: LintConfig): Array<{ rule: Rule; level: LintLevel }> {
  // Keyed by what decides it rather than by the object, which a caller may change between calls.
  const key = JSON.stringify([config.override, config.ignored, config.minimumLevel]);
  let rules = enabledRules.get(key);
  if (!rules) {
    rules = [];
    for (const rule of RULES) {
      const level = effectiveLevel(rule, config);
      if (level === 'off') continue;
      if (LEVEL_ORDER[level] > LEVEL_ORDER[config.minimumLevel]) continue;
      if (config.ignored.some((name) => ruleMatches(rule, name))) continue;
      rules.push({ rule, level });
    }
    if (enabledRules.size >= 16) enabledRules.clear();
    enabledRules.set(key, rules);
  }
  return rules;
}

/** Runs every enabled rule over a parsed model; pragmas and config applied. */
export function lintModel(model: DockerfileModel, options: LintOptions = {}): LintFinding[] {
  const config = options.config ?? defaultLintConfig();
  const file = options.file ?? 'Dockerfile';
  const context: RuleContext = { config, today: toDay(options.today) };
  const pragmas = config.disableIgnorePragma ? [] : readPragmas(model);
  const stageOfLine = (line: number): number => {
    let stage = -1;
    for (const s of model.stages) if (s.from.line <= line) stage = s.index;
    return stage;
  };
  const findings: LintFinding[] = [];
  for (const { rule, level } of rulesToRun(config)) {
    let hits;
    try {
      hits = rule.check(model, context);
    } catch (error) {
      if (options.strict) throw error;
      continue;
    }
    for (const hit of hits) {
      const ignoredByPragma = pragmas.some((p) => {
        if (!p.names.some((name) => ruleMatches(rule, name))) return false;
        if (p.scope === 'global') return true;
        if (p.scope === 'stage') return stageOfLine(hit.line) === p.target;
        return p.target === hit.line;
      });
      if (ignoredByPragma) continue;
      findings.push({
        file,
        line: hit.line,
        column: hit.column ?? 1,
        level,
        code: rule.id,
        message: hit.message ?? rule.title,
        aliases: [...rule.aliases],
        fix: rule.fix,
      });
    }
  }
  // Codes are ASCII: a plain comparison orders them as localeCompare would, without loading ICU's collator.
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Lints Dockerfile text. Pure, never throws: a parse problem is a finding with alias DL1000. */
export function lintDockerfile(text: string, options: LintOptions = {}): LintFinding[] {
  try {
    return lintModel(parseDockerfile(text, { keep: options.keep }), options);
  } catch (error) {
    if (options.strict) throw error;
    return [
      {
        file: options.file ?? 'Dockerfile',
        line: 1,
        column: 1,
        level: 'error',
        code: 'HI000',
        message: `cannot lint this file: ${(error as Error).message}`,
        aliases: ['DL1000'],
        fix: 'Fix the Dockerfile syntax so the Docker builder can parse it.',
      },
    ];
  }
}
