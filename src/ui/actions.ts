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

/** The generated files planned against the disk, with what the generator wants the user to know. */
export interface Prepared {
  plan: PlannedWrite[];
  notes: string[];
  baseImages: BaseImageChoice[];
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
