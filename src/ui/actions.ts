import type { Detection } from '../detect/types.js';
import type { Answers } from '../questions/answers.js';
import type { AppMetadata } from '../questions/model.js';
import type { PlannedWrite } from '../write/plan.js';
import type { WriteStatus } from '../write/apply.js';

/** What the questions use beyond detection for their defaults. */
export interface QuestionDefaults {
  metadata: AppMetadata;
  gitEmail: string | null;
  suggestedSecrets: string[];
}

export interface BaseImageChoice {
  stage: string;
  ref: string;
  reason: string;
}

/** One hunk of the patch series: a finding's fix, with its diff against the existing file. */
export interface RetrofitHunk {
  id: string;
  title: string;
  diff: string;
  /** Original lines [start, end) it replaces (1-based) and the replacement. */
  start: number;
  end: number;
  lines: string[];
}

/**
 * An existing Dockerfile is retrofitted, and there are two ways to apply it: the full rewrite
 * (what the plan holds) or the patch series over the existing file, hunk by hunk.
 */
export interface RetrofitChoice {
  /** The Dockerfile's path in the plan. */
  path: string;
  /** Its text now; the patch series applies to it. */
  original: string;
  /** The merged hardened Dockerfile. */
  rewrite: string;
  patches: RetrofitHunk[];
  /** What the rewrite cannot carry over safely: shown, and left as a comment in the file. */
  unsafe: string[];
  /** Secret ENV the rewrite drops from the image: pass them at run time. */
  runtimeSecrets: string[];
  /** Build secret id -> the variable it replaces, for the `docker build --secret` hints. */
  secretVariables: Record<string, string>;
}

/** The generated files planned against the disk, with what the generator wants the user to know. */
export interface Prepared {
  plan: PlannedWrite[];
  notes: string[];
  baseImages: BaseImageChoice[];
  /** Set when an existing Dockerfile is retrofitted. */
  retrofit?: RetrofitChoice;
  /** Existing files kept unless the user chooses the generated one (e.g. a security.txt): planned, skipped by default. */
  keep?: string[];
}

/**
 * Everything the wizard and the plain prompts do to the world, as one object:
 * screens call these, tests pass their own.
 */
export interface InitActions {
  /** Detects the stack of the folder (of one app with `app`). */
  detect(app?: string): Promise<Detection>;
  /** Package metadata, git user.email and build secrets the repo seems to need. */
  defaults(app: string): Promise<QuestionDefaults>;
  /** Generates the files for these answers and plans them against what exists. */
  prepare(answers: Answers): Promise<Prepared>;
  /** Writes the plan (backups first, atomic replaces), reporting each status line. */
  write(plan: PlannedWrite[], options: { skip: ReadonlySet<string>; onStatus?: (status: WriteStatus) => void }): Promise<WriteStatus[]>;
}
