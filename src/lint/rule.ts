import type { LintLevel } from './types.js';
import type { DockerfileModel, Instr } from './model.js';
import type { LintConfig } from './config-schema.js';

/** What a rule reports: where, and (optionally) a message more specific than its title. */
export interface RuleHit {
  line: number;
  column?: number;
  message?: string;
}

/** A text edit in file offsets (end exclusive). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface RuleContext {
  config: LintConfig;
  /** The day (`YYYY-MM-DD`) end-of-life facts are judged by. */
  today: string;
}

/** One lint rule: its metadata, its check and (where the change is safe) its fix. */
export interface Rule {
  /** Stable id, this project's `code`. */
  id: string;
  /** Kebab-case name of the fix; also the rule's file name. */
  slug: string;
  /** Default level; 'off' rules run only when configured (e.g. by `override`). */
  level: LintLevel | 'off';
  title: string;
  /** One imperative sentence. */
  fix: string;
  /** Equivalent ids in hadolint, Trivy, Dockle/CIS, Checkov and BuildKit. */
  aliases: string[];
  /** Why the rule exists, for `--format sarif` help text and docs. */
  docs: string;
  check(model: DockerfileModel, context: RuleContext): RuleHit[];
  /** Edits that resolve the rule's findings; only where the change cannot alter the build's intent. */
  fixer?(model: DockerfileModel, context: RuleContext): Edit[];
}

/** Instructions of a keyword, including ONBUILD triggers. */
export function instructionsOf(model: DockerfileModel, ...keywords: string[]): Instr[] {
  return model.instructions.filter((i) => keywords.includes(i.keyword));
}

export function hitAt(instr: Instr, message?: string): RuleHit {
  return { line: instr.line, column: instr.column, message };
}
