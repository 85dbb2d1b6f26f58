/** Detection result, exactly the `detect --json` shape of the SPEC. */
export type Language =
  | 'node' | 'python' | 'go' | 'java' | 'kotlin' | 'rust' | 'ruby' | 'php' | 'dotnet' | 'deno' | 'elixir' | 'static' | 'unknown';

export type PackageManager =
  | 'npm' | 'yarn' | 'pnpm' | 'bun' | 'pip' | 'poetry' | 'pipenv' | 'uv' | 'pdm' | 'go' | 'maven' | 'gradle' | 'cargo'
  | 'bundler' | 'composer' | 'dotnet' | 'mix' | 'deno' | 'none';

export interface Evidence {
  file: string;
  /** 1-based line in `file`, where the fact is one line of code (a route definition). */
  line?: number;
  fact: string;
}

/** Facts about one deployable app. */
export interface AppFacts {
  language: Language;
  packageManager: PackageManager;
  /** Runtime version as the repo pins it, normalised to what the image should use ("20", "3.12"). */
  version: string | null;
  framework: string | null;
  build: string | null;
  start: string | null;
  install: string | null;
  port: number | null;
  /** HTTP path of the health route the code defines (`/healthz`), or null when none is found. */
  healthcheck: string | null;
}

export interface Detection extends AppFacts {
  workspace: boolean;
  apps: Array<AppFacts & { path: string; evidence?: Evidence[] }>;
  evidence: Evidence[];
  warnings: string[];
}

/**
 * A read-only view of a repository: the files detection may look at and a bounded reader.
 * Paths are repository-relative with `/` separators. Built by `readRepoSnapshot` (disk) or
 * `snapshotFromFiles` (memory, for tests and callers that already hold the files).
 */
export interface RepoSnapshot {
  /** Absolute path of the repository root, as given. */
  root: string;
  /** Every file detection may look at, sorted; ignored and vendored directories are never listed. */
  files: readonly string[];
  /** Files seen in walked directories that .gitignore ignores (never read): secret-file checks use them. */
  ignoredFiles: readonly string[];
  /** The text of one file of `files` (at most its first `maxBytes`, default 512 KiB), or null when unreadable. */
  read(path: string, maxBytes?: number): string | null;
  /** Things the walk wants to say (a directory it could not read, a file limit reached). */
  notes: readonly string[];
}

/** Package metadata for OCI image labels, where the repo states it. */
export interface AppMetadata {
  title?: string;
  description?: string;
  version?: string;
  /** SPDX expression, e.g. "MIT" or "(MIT OR Apache-2.0)". */
  licenses?: string;
  vendor?: string;
  /** https URL of the source repository. */
  source?: string;
  author?: string;
  homepage?: string;
  bugsUrl?: string;
}

/** A BuildKit secret the build needs, e.g. `{ id: "npmrc", reason: ".npmrc reads ${NPM_TOKEN}", file: ".npmrc" }`. */
export interface BuildSecretNeed {
  id: string;
  reason: string;
  file: string;
}
