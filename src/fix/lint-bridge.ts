import { defaultLintConfig } from '../lint/config-schema.js';
import { lintDockerfile } from '../lint/lint.js';
import { parseDockerfile } from '../lint/model.js';
import type { Edit } from '../lint/rule.js';
import { RULES } from '../lint/rules/index.js';
import type { LintFinding } from '../lint/types.js';

/** Lint codes whose rule carries a safe fixer. */
export function fixableLintCodes(): Set<string> {
  return new Set(RULES.filter((rule) => typeof rule.fixer === 'function').map((rule) => rule.id));
}

function applyEdits(text: string, edits: Edit[]): string {
  // Right to left, dropping any edit that overlaps one already applied.
  let out = text;
  let floor = Number.POSITIVE_INFINITY;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    if (edit.end > floor) continue;
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    floor = edit.start;
  }
  return out;
}

/**
 * Applies the fixers of the given rule codes, one rule at a time (each re-parses the result of the
 * previous one, so their edits never collide).
 */
export function fixLintCodes(text: string, codes: string[]): string {
  const context = { config: defaultLintConfig() };
  let current = text;
  for (const code of codes) {
    const rule = RULES.find((r) => r.id === code);
    if (!rule?.fixer) continue;
    let edits: Edit[];
    try {
      edits = rule.fixer(parseDockerfile(current), context);
    } catch {
      continue;
    }
    current = applyEdits(current, edits);
  }
  return current;
}

export function lintText(text: string, file: string): LintFinding[] {
  return lintDockerfile(text, { file });
}
