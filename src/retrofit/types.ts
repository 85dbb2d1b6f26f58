/** What an existing Dockerfile does, as `analyzeDockerfile` reads it. Lines are 1-based. */

export type SystemPackageManager = 'apt' | 'apk' | 'dnf' | 'yum' | 'microdnf' | 'zypper';

export interface StageModel {
  index: number;
  /** `AS <name>`, or null. */
  name: string | null;
  /** The image as written after FROM (flags and `AS` removed). */
  image: string;
  /** Registry host when written, e.g. `gcr.io`. */
  registry: string | null;
  /** Repository without registry and tag, e.g. `node` or `distroless/nodejs22-debian12`. */
  repository: string;
  tag: string | null;
  digest: string | null;
  platform: string | null;
  /** Index of an earlier stage this one is built FROM, or null for an image. */
  fromStage: number | null;
  /** `latest` or no tag and no digest (and not a stage, not scratch, not a variable). */
  unpinned: boolean;
  line: number;
  /** Last WORKDIR of the stage, or null. */
  workdir: string | null;
  isFinal: boolean;
}

export interface PackageInstall {
  stage: number;
  line: number;
  manager: SystemPackageManager;
  /** Package names as written, with versions (`curl=7.88*`, `git`). */
  packages: string[];
  /** The layer leaves no index/cache behind (lists removed, --no-cache, clean all). */
  cleansUp: boolean;
}

export interface VariableModel {
  kind: 'ARG' | 'ENV';
  /** null for an ARG before the first FROM. */
  stage: number | null;
  line: number;
  name: string;
  value: string | null;
  /** Looks like a credential by its name or value. */
  secret: boolean;
  /** Why it counts as a secret. */
  reason: string | null;
}

export interface PortModel {
  stage: number;
  line: number;
  /** As written, e.g. `8080` or `53/udp`. */
  port: string;
}

export interface CommandModel {
  kind: 'CMD' | 'ENTRYPOINT';
  stage: number;
  line: number;
  form: 'exec' | 'shell';
  /** Exec-form words, or the shell words when the command needs no shell feature. */
  args: string[];
  /** The command text as written (shell form) or joined words (exec form). */
  text: string;
  /** Shell form that uses pipes, `&&`, variables, globs or redirections. */
  needsShell: boolean;
}

export interface CopyModel {
  kind: 'COPY' | 'ADD';
  stage: number;
  line: number;
  sources: string[];
  dest: string;
  /** `--from` value (a stage name, index or image). */
  from: string | null;
  chown: string | null;
  chmod: string | null;
  /** An ADD of a URL or git repository. */
  remote: boolean;
  /** An ADD of a local tar archive (ADD extracts it, COPY would not). */
  archive: boolean;
}

export interface UserModel {
  stage: number;
  line: number;
  user: string;
  numeric: boolean;
  root: boolean;
}

export interface HealthcheckModel {
  stage: number;
  line: number;
  none: boolean;
  /** The full instruction text. */
  text: string;
}

/** A step that is neither a package install, an app dependency install/build, a copy nor a user setup. */
export interface CustomStep {
  stage: number;
  line: number;
  keyword: string;
  /** Verbatim instruction text; for RUN, only the shell segments that are custom, re-joined with their operators. */
  text: string;
  /** Secret variables the step reads. */
  secrets: string[];
  /** `--mount=type=secret,...` flags the instruction already had (kept on the carried step). */
  secretMounts?: string[];
  /** For RUN: the command segments the step keeps. */
  commands: string[];
}

/** A RUN that installs the app's dependencies (npm ci, pip install -r, go mod download...). */
export interface DependencyStep {
  stage: number;
  line: number;
  /** Segments before and after the install command in the same RUN (e.g. writing .npmrc, removing it). */
  before: string[];
  after: string[];
  /** The install commands themselves. */
  installs: string[];
  secrets: string[];
  /** `--mount=type=secret,...` flags the instruction already had (kept on the carried step). */
  secretMounts?: string[];
}

export interface DockerfileModel {
  /** dockerfile-ast parsed the text and found at least one FROM. */
  ok: boolean;
  /** Initial ARGs (before the first FROM). */
  globalArgs: VariableModel[];
  stages: StageModel[];
  packages: PackageInstall[];
  variables: VariableModel[];
  ports: PortModel[];
  commands: CommandModel[];
  copies: CopyModel[];
  users: UserModel[];
  healthchecks: HealthcheckModel[];
  custom: CustomStep[];
  dependencySteps: DependencyStep[];
  /** App build commands the generated build stage replaces, and the files they write (`-o path`). */
  buildSteps: Array<{ stage: number; line: number; commands: string[]; outputs: string[] }>;
  /** RUN lines that only create users/groups (superseded by a numeric USER). */
  userSetup: Array<{ stage: number; line: number; text: string }>;
  labels: Array<{ stage: number; line: number; name: string; value: string }>;
  maintainer: { line: number; value: string } | null;
  /** Parser directives, e.g. `syntax`. */
  directives: Array<{ name: string; value: string }>;
}

/** Something the retrofit could not carry over safely; shown in the review screen. */
export interface UnsafeItem {
  line: number | null;
  what: string;
  /** Why, and what the user should do. */
  why: string;
}

/** One hunk of the finding-by-finding patch series. */
export interface RetrofitPatch {
  id: string;
  title: string;
  /** Unified diff of this hunk alone against the original. */
  diff: string;
  /** 1-based line range of the original it replaces (end exclusive; start === end inserts). */
  start: number;
  end: number;
  /** Replacement lines. */
  lines: string[];
}

export interface RetrofitPlan {
  /** The hardened Dockerfile, merged with what the existing one does on purpose. */
  rewrite: string;
  /** The alternative: the existing file with finding-by-finding fixes. */
  patches: RetrofitPatch[];
  /** Build secret ids the user must pass (`docker build --secret id=<id>,src=<file>`). */
  secrets: Array<{ id: string; variable: string; hint: string }>;
  /** Secret-looking ENV meant for run time: dropped from the image; pass them at `docker run`. */
  runtimeSecrets: string[];
  /** What was carried over (for the review screen). */
  carried: string[];
  /** What was converted (insecure form -> hardened form). */
  converted: string[];
  unsafe: UnsafeItem[];
  model: DockerfileModel;
}
