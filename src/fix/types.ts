import type { LintFinding } from '../lint/types.js';
import type { ScanRecord } from '../scan/record.js';

/** A finding an action promises to remove: a lint finding by code+line, a scan finding by id+package. */
export type FindingKey = string;

/**
 * Keys of lint findings: file, code and occurrence number. Lines move when a fix edits the file, so
 * "removes 2 of 3 HI603" is kept as the keys #1 and #2: they are gone when at most one HI603 is left.
 */
export function lintKeys(findings: readonly Pick<LintFinding, 'code' | 'file'>[]): FindingKey[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `lint:${f.file}:${f.code}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

export function scanKey(f: { id: string; package: string }): FindingKey {
  return `scan:${f.id}:${f.package}`;
}

/** Which count a finding key belongs to: lint (the Dockerfile) or scan (the image: scanner or audit). */
export function findingCategory(key: FindingKey): 'lint' | 'scan' {
  return key.startsWith('lint:') ? 'lint' : 'scan';
}

export type ActionKind = 'base-refresh' | 'base-update' | 'base-flavor' | 'base-pin' | 'base-supported' | 'os-upgrade' | 'dependency-bump' | 'audit-fix' | 'lint-fix';

/** Files by path (relative to the app folder, `/` separators). */
export type Files = Readonly<Record<string, string>>;

/** One remediation: why, the exact change, and what it should remove. */
export interface FixAction {
  id: string;
  kind: ActionKind;
  title: string;
  why: string;
  /** Applied by `--yes`; unsafe ones (a flavour change, a manifest bump that needs a lockfile update) need a choice. */
  safe: boolean;
  /** Applies the change to the current files; composes with the other actions. */
  apply(files: Files): Files;
  /** Unified diff of this action alone against the files as they are now. */
  diff: string;
  /** Findings it is expected to remove. */
  removes: FindingKey[];
  /** One line: the expected effect, e.g. "removes 3 lint findings (HI310)". */
  effect: string;
  /** Something the user must do after applying (e.g. refresh a lockfile), or null. */
  followUp: string | null;
}

/** What the registry says about one FROM image. */
export interface BaseImageInfo {
  /** The FROM reference as written, e.g. `node:22.21.1-bookworm-slim@sha256:...`. */
  written: string;
  /** Repository part as written (without tag and digest). */
  repository: string;
  tag: string | null;
  digest: string | null;
  /** All tags of the repository; empty when the registry could not be asked. */
  tags: string[];
  /** What `repository:tag` points at now, null when unknown. */
  currentDigest: string | null;
  /** Digests of candidate tags the planner may pick (tag -> digest). */
  candidateDigests: Record<string, string>;
}

export interface FixInputs {
  /** Dockerfile path relative to the app folder, and the files the planner may change. */
  dockerfile: string | null;
  files: Files;
  lintFindings: LintFinding[];
  /** Lint codes whose findings the linter can fix safely. */
  fixableCodes: ReadonlySet<string>;
  /** Applies the linter's safe fixes for these codes to a Dockerfile text. */
  fixLint(text: string, codes: string[]): string;
  /** Lints a Dockerfile text, to count what a fix really removes. */
  lint(text: string, file: string): LintFinding[];
  scanRecords: ScanRecord[];
  bases: BaseImageInfo[];
  /** The day end-of-life facts are judged by; default: the day the end-of-life table was taken. */
  today?: Date;
}
