import { defaultLintConfig, fixDockerfile, lintDockerfile, RULES, type LintConfig, type LintFinding } from '../lint/index.js';

/** Lint codes whose rule carries a safe fixer. */
export function fixableLintCodes(): Set<string> {
  return new Set(RULES.filter((rule) => typeof rule.fixer === 'function').map((rule) => rule.id));
}

/**
 * Applies the linter's safe fixes for the given rule codes only (`harden-init lint --fix` limited
 * to them), so `fix` and `lint --fix` never disagree on what a fix is.
 */
export function fixLintCodes(text: string, codes: string[], config: LintConfig = defaultLintConfig(), today?: Date): string {
  if (codes.length === 0) return text;
  return fixDockerfile(text, { config, only: codes, today }).text;
}

/** `today` judges end-of-life facts (default: the day the end-of-life table was taken). */
export function lintText(text: string, file: string, config: LintConfig = defaultLintConfig(), today?: Date): LintFinding[] {
  return lintDockerfile(text, { file, config, today });
}
