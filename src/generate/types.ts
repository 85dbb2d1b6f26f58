import type { Answers } from '../questions/answers.js';
import { UsageError } from '../cli/errors.js';

/** Template texts keyed by their path under the template root, e.g. `node/Dockerfile.eta`, `_partials/labels.eta`. */
export type TemplateSet = Record<string, string>;

/** Facts about the app that only the repository knows (package metadata, entry points). */
export interface AppMetadataInput {
  /** Package or crate name; names binaries, releases and assemblies. */
  name?: string;
  title?: string;
  description?: string;
  version?: string;
  licenses?: string;
  vendor?: string;
  source?: string;
  homepage?: string;
  /** package.json `scripts`, to run `npm start` without npm in the final image. */
  scripts?: Record<string, string>;
  /** package.json `packageManager` (Corepack's field, e.g. `pnpm@10.34.8+sha512...`); a workspace app inherits the root's. */
  packageManager?: string;
  /** Files whose text decides something (e.g. `.npmrc`, `go.mod`), keyed by repo-relative path. */
  texts?: Record<string, string>;
}

/** Everything generateFiles needs besides the answers, already loaded by the adapter. */
export interface GenerateContext {
  templates: TemplateSet;
  /** Upstream image reference -> `sha256:...` digest. Missing entries stay tag-only. */
  pins: Record<string, string>;
  /** Repo-relative paths (posix separators) of the app's files. */
  repoFiles: string[];
  /** The app's .gitignore text, translated into the .dockerignore. */
  gitignore?: string;
  appMetadata?: AppMetadataInput;
  /**
   * Repo-relative path of the app inside a pnpm workspace whose root is the build context: repoFiles
   * are then the workspace's files and the Dockerfile is built from the root. Absent: the app is the context.
   */
  workspaceApp?: string;
  /** Why refs are unpinned (e.g. `--no-pin`, or the registry was unreachable); null or absent: pins were attempted. */
  pinSkipped?: 'no-pin' | 'offline' | null;
  /**
   * The day end-of-life facts are judged by (a substitute for a version the table lacks, the notes
   * on an ended runtime or OS). Default: the day the end-of-life table was taken; the shells pass today.
   */
  today?: Date;
}

export interface GeneratedFile {
  /** Path relative to the app directory. */
  path: string;
  content: string;
}

export interface BaseImageChoice {
  stage: string;
  /** The reference as the FROM line reads it (mirror path and digest included). */
  ref: string;
  reason: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** Things to tell the user: secret files excluded, `docker build --secret` lines, pinning, base choice. */
  notes: string[];
  baseImages: BaseImageChoice[];
}

/**
 * Answers that cannot produce a Dockerfile; `field` is the answers path, e.g. `security.expires`.
 * A usage error (exit 2): `harden-init: security.expires: is required ... (answers): give --expires ...`.
 */
export class GenerateError extends UsageError {
  constructor(
    readonly field: string,
    readonly problem: string,
    fix: string,
  ) {
    super(`${field}: ${problem}`, 'answers', fix);
  }
}

export type { Answers };
