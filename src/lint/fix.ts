import { defaultLintConfig, type LintConfig } from './config-schema.js';
import { toDay } from '../eol/table.js';
import { effectiveLevel, lintDockerfile, ruleMatches } from './lint.js';
import { parseDockerfile } from './model.js';
import type { Edit } from './rule.js';
import { RULES } from './rules/index.js';
import type { LintFinding } from './types.js';

export interface AppliedFix {
  code: string;
  line: number;
  description: string;
}

export interface FixResult {
  text: string;
  applied: AppliedFix[];
}

/** Applies non-overlapping edits (later ones first); overlapping edits after the first are dropped. */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: Edit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (edit.start < 0 || edit.end > text.length || edit.end < edit.start) continue;
    if (last && edit.start < last.end) continue;
    if (last && edit.start === last.start && edit.end === last.end && edit.start === edit.end) continue;
    kept.push(edit);
  }
  let out = text;
  for (const edit of kept.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function countByCode(findings: LintFinding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return counts;
}

/** True when `after` is strictly better: fewer findings and no rule (parse errors included) reporting more. */
function improves(before: LintFinding[], after: LintFinding[]): boolean {
  if (after.length >= before.length) return false;
  const was = countByCode(before);
  for (const [code, count] of countByCode(after)) if (count > (was.get(code) ?? 0)) return false;
  return true;
}

/**
 * Applies every safe fix and returns the new text with what was applied. Pure. Each rule's edits
 * are kept only when the result lints strictly better, so the output never parses worse or has
 * more findings than the input. `only` limits fixing to rules named by code or alias.
 */
export function fixDockerfile(text: string, options: { config?: LintConfig; only?: string[]; today?: Date | string } = {}): FixResult {
  const config = options.config ?? defaultLintConfig();
  const today = toDay(options.today);
  const applied: AppliedFix[] = [];
  // Offsets are computed on "\n" lines; a lone CR would shift them, so such files are left alone.
  if (/\r(?!\n)/.test(text)) return { text, applied };
  const fixable = RULES.filter(
    (rule) =>
      rule.fixer &&
      effectiveLevel(rule, config) !== 'off' &&
      !config.ignored.some((name) => ruleMatches(rule, name)) &&
      (!options.only || options.only.some((name) => ruleMatches(rule, name))),
  );
  let current = text;
  let findings = lintDockerfile(current, { config, today });
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const rule of fixable) {
      const before = findings.filter((f) => f.code === rule.id);
      if (before.length === 0) continue;
      let edits: Edit[];
      try {
        edits = rule.fixer!(parseDockerfile(current), { config, today });
      } catch {
        continue;
      }
      if (edits.length === 0) continue;
      const next = applyEdits(current, edits);
      if (next === current) continue;
      const nextFindings = lintDockerfile(next, { config, today });
      if (!improves(findings, nextFindings)) continue;
      const remaining = nextFindings.filter((f) => f.code === rule.id).length;
      for (const finding of before.slice(0, before.length - remaining)) applied.push({ code: rule.id, line: finding.line, description: rule.fix });
      current = next;
      findings = nextFindings;
      changed = true;
    }
    if (!changed) break;
  }
  return { text: current, applied };
}
