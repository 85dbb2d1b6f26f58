import type { Answers } from '../../questions/answers.js';
import type { AppMetadataInput } from '../types.js';

/** What a stack module gets: the answers plus what the repo shows. */
export interface StackInput {
  answers: Answers;
  /** Repo-relative paths of the app's files. */
  files: ReadonlySet<string>;
  meta: AppMetadataInput;
  /** `--mount=type=secret,...` flags for steps that install dependencies ("" when none). */
  secretMounts: string;
  /** The final flavour the user asked for. */
  base: Answers['base'];
  /** The app's path in a pnpm workspace built from its root (`files` are then the workspace's), else null. */
  workspaceApp: string | null;
  /** The day (`YYYY-MM-DD`) end-of-life facts are judged by. */
  today: string;
}

/** One FROM line: the upstream reference from the base table (or `scratch`) and why it was chosen. */
export interface StagePlan {
  name: string;
  image: string;
  reason: string;
}

/** A stack's decisions; the template turns them into text. */
export interface StackPlan {
  /** Template folder under templates/. */
  template: string;
  /** Stages in file order; the last one is the final stage. */
  stages: StagePlan[];
  /** Flavour of the final base actually used (may differ from the answer, with a note). */
  finalFlavor: string;
  /** Whether the final image has /bin/sh, so RUN can be used there. */
  finalHasShell: boolean;
  /** Stack-specific template slots. */
  slots: Record<string, unknown>;
  /** Paths from the build context that COPY names explicitly; each must survive .dockerignore. */
  copySources: string[];
  /** Files the app needs at run time that reach the image through `COPY . .`. */
  requiredFiles: string[];
  /** Extra .dockerignore lines: local dependency and build folders of this stack. */
  ignore: string[];
  entrypoint: string[] | null;
  cmd: string[];
  /** Health check command (exec form) or null, with the reason shown above `HEALTHCHECK NONE`. */
  probe: string[] | null;
  noProbeReason: string;
  /** Writable directories the runtime itself needs, besides the answers' writableDirs. */
  runtimeWritable: string[];
  /** The port the final image listens on when the stack decides it (nginx-unprivileged: 8080), else the answer. */
  port?: number;
  /** ENV lines of the final stage. */
  env: Array<[string, string]>;
  notes: string[];
}
