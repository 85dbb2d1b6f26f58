// The one question model: data that the wizard, the plain prompts and the flags all read.
// Plain functions over data (detected facts, the end-of-life and base-image tables): no I/O and no
// shell, so the CLI can declare its flags from it at start-up.
import { evidenceText } from '../detect/format.js';
import { healthEvidence } from '../detect/health/route.js';
import type { AppFacts, AppMetadata, Detection, Evidence } from '../detect/types.js';
import { endOfLife, newestRecommended } from '../eol/status.js';
import { imageVersions, runtimeStackOf, stackProduct } from '../generate/base.js';
import { BASE_KINDS, DEFAULT_RUNTIME_VERSIONS, LANGUAGES, PACKAGE_MANAGERS, type AnswerLanguage, type BaseKind } from './kinds.js';

/** Package metadata (package.json, pyproject.toml, ...): defaults for the contact and the OCI labels. */
export type { AppMetadata };

export type QuestionId =
  | 'app'
  | 'language'
  | 'packageManager'
  | 'runtimeVersion'
  | 'framework'
  | 'buildCommand'
  | 'startCommand'
  | 'port'
  | 'healthcheck'
  | 'buildSecrets'
  | 'caCert'
  | 'uid'
  | 'appDir'
  | 'base'
  | 'contact'
  | 'policy'
  | 'expires'
  | 'securityUrl';

export type StepId = 'app' | 'runtime' | 'base' | 'security';

export interface Step {
  id: StepId;
  title: string;
  /** One sentence shown above the step's questions. */
  intro: string;
}

export const STEPS: readonly Step[] = [
  { id: 'app', title: 'App', intro: 'What the image builds and runs.' },
  { id: 'runtime', title: 'Runtime', intro: 'How the container runs: port, health check, user, secrets.' },
  { id: 'base', title: 'Base image', intro: 'The final stage only holds your app and its runtime; pick what it sits on.' },
  { id: 'security', title: 'Security contact', intro: 'security.txt (RFC 9116) tells researchers where to report a vulnerability.' },
];

/** Facts of one app and, where detection gave it, where each came from. */
export type ChosenFacts = AppFacts & { evidence?: Evidence[] };

/** What a question's default, choices and when-to-ask may look at. */
export interface QuestionContext {
  detection: Detection | null;
  /** Facts of the chosen app (the repo itself, or one workspace app), with the evidence for them. */
  facts: ChosenFacts | null;
  metadata: AppMetadata;
  gitEmail: string | null;
  now: Date;
  /** Build secrets the repo seems to need (e.g. npmrc when .npmrc holds a token). */
  suggestedSecrets: string[];
  /** A CA bundle the environment names (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE), offered for builds; null when none. */
  caBundle: { path: string; variable: string } | null;
  /** Answers so far, as text, keyed by question id. */
  values: Partial<Record<QuestionId, string>>;
}

export interface Choice {
  value: string;
  label: string;
  /** Short trade-off or explanation shown next to / under the choice. */
  hint?: string;
}

export interface QuestionFlag {
  /** Long flag as typed, e.g. `--package-manager`. */
  long: string;
  /** Commander's camelCase key for the option, e.g. `packageManager`. */
  key: string;
  /** Placeholder for the value in --help, e.g. `<name>`. */
  arg: string;
  description: string;
  repeatable?: boolean;
  choices?: readonly string[];
}

export interface Question {
  id: QuestionId;
  step: StepId;
  /** `select` offers `choices`; `text` takes a line (lists are comma-separated). */
  kind: 'text' | 'select';
  /** The question, ending with `?`. */
  prompt: string;
  /** A short name for lists of answers, e.g. `runtime version`. */
  name: string;
  /** Shown with `?`: why we ask and what a good answer looks like. */
  help: string;
  /** Dotted field in the answers (and .harden-init.json), e.g. `security.contact`. */
  field: string;
  flag: QuestionFlag;
  choices?(ctx: QuestionContext): Choice[];
  /** The suggested answer as text; '' when there is none and the user must answer. */
  default(ctx: QuestionContext): string;
  /** Where a detected default was found (`src/server.js:12: health route app.get('/healthz')`), shown with the question; null when none. */
  detected?(ctx: QuestionContext): string | null;
  /** A warning shown with the question (e.g. the detected version has reached its end of life), or null. */
  notice?(ctx: QuestionContext): string | null;
  /** Normalises what the user typed (trims, adds `mailto:` to a bare email); defaults to trim. */
  normalize?(text: string): string;
  /** null when valid, else a short message such as `must be at most 65535`. */
  validate(text: string, ctx: QuestionContext): string | null;
  /** Skip the question when this says no (its answer keeps the schema default). */
  when?(ctx: QuestionContext): boolean;
  /**
   * For answers that repo detection gives (language, commands, port, health route): whether it gave
   * this one. Accepting the detected answers takes those it gave and asks the others. Absent: a
   * setting whose default is safe to take (user id, app folder...).
   */
  filled?(ctx: QuestionContext): boolean;
  /** With `filled`: when detection did not fill it, the default is still safe to take (no health route: none). */
  fallback?: boolean;
  /** A choice that matters enough to be asked even when the detected answers are accepted at once. */
  confirm?: boolean;
  /** Text -> answers value. */
  toValue(text: string): unknown;
  /** Answers value -> text (for answers files and review). */
  toText(value: unknown): string;
}

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const orNone = (value: unknown) => (value === null || value === undefined || value === '' ? 'none' : String(value));
const noneToNull = (text: string) => (text === '' || text.toLowerCase() === 'none' ? null : text);
const noneToUndefined = (text: string) => (text === '' || text.toLowerCase() === 'none' ? undefined : text);

function language(ctx: QuestionContext): AnswerLanguage | null {
  const chosen = ctx.values.language ?? ctx.facts?.language;
  return chosen && (LANGUAGES as readonly string[]).includes(chosen) ? (chosen as AnswerLanguage) : null;
}

/** The detected facts, when they are about the language the answers name. */
function factsOfLanguage(ctx: QuestionContext): AppFacts | null {
  return ctx.facts && ctx.facts.language === language(ctx) ? ctx.facts : null;
}

/** Checks an http(s) URL; `httpsOnly` for security.txt fields. */
export function urlProblem(text: string, httpsOnly: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return httpsOnly ? 'must be an https:// URL, e.g. https://example.com/security' : 'must be a URL';
  }
  if (httpsOnly && url.protocol !== 'https:') return 'must be an https:// URL (security.txt fields are served over HTTPS)';
  if (!url.hostname) return 'must name a host';
  return null;
}

const EMAIL = /^[^\s@:]+@[^\s@]+\.[^\s@]+$/;

export function contactProblem(text: string): string | null {
  if (text === '') return 'is required: an email or https:// URL where researchers report vulnerabilities';
  if (text.startsWith('mailto:')) return EMAIL.test(text.slice('mailto:'.length)) ? null : 'must be mailto: followed by an email address';
  if (text.startsWith('https:')) return urlProblem(text, true);
  return 'must start with mailto: or https:, e.g. mailto:security@example.com';
}

function integerProblem(text: string, min: number, max: number, minHint = ''): string | null {
  if (!/^\d+$/.test(text)) return 'must be a whole number';
  const value = Number(text);
  if (value < min) return `must be at least ${min}${minHint}`;
  if (value > max) return `must be at most ${max}`;
  return null;
}

const DAY = 24 * 60 * 60 * 1000;

/** Default `Expires`: one year from now minus a day, at midnight UTC (RFC 9116 wants < 1 year). */
export function defaultExpires(now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate() - 1));
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function expiresProblem(text: string, now: Date): string | null {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (!iso.test(text) || Number.isNaN(Date.parse(text))) return 'must be an ISO 8601 date and time, e.g. 2026-06-30T00:00:00Z';
  const at = Date.parse(text);
  if (at <= now.getTime()) return 'must be in the future';
  const yearAhead = Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate(), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds());
  if (at > yearAhead + DAY) return 'must be at most one year ahead (RFC 9116)';
  return null;
}

/** The email in `Jane Doe <jane@example.com>` or a bare address. */
export function emailIn(person: string | undefined): string | null {
  if (!person) return null;
  const address = /<([^>]+)>/.exec(person)?.[1] ?? person.trim();
  return EMAIL.test(address) ? address : null;
}

function defaultContact(ctx: QuestionContext): string {
  const author = emailIn(ctx.metadata.author);
  if (author) return `mailto:${author}`;
  if (ctx.gitEmail && EMAIL.test(ctx.gitEmail)) return `mailto:${ctx.gitEmail}`;
  const bugs = ctx.metadata.bugsUrl;
  if (bugs?.startsWith('mailto:') && contactProblem(bugs) === null) return bugs;
  if (bugs && urlProblem(bugs, true) === null) return bugs;
  return '';
}

/** The health route detection found in the app's code, while the language is still the detected one. */
function detectedHealthcheck(ctx: QuestionContext): string | null {
  const facts = ctx.facts;
  if (!facts?.healthcheck || (ctx.values.language !== undefined && ctx.values.language !== facts.language)) return null;
  return facts.healthcheck;
}

function defaultStart(ctx: QuestionContext): string {
  if (ctx.facts?.start && (ctx.values.language === undefined || ctx.values.language === ctx.facts.language)) return ctx.facts.start;
  switch (language(ctx)) {
    case 'node': return 'node index.js';
    case 'deno': return 'deno run --allow-net main.ts';
    case 'python': return 'python -m app';
    case 'go':
    case 'rust': return '/app/server';
    case 'java':
    case 'kotlin': return 'java -jar app.jar';
    case 'ruby': return 'bundle exec ruby app.rb';
    case 'php': return 'php -S 0.0.0.0:8080 -t public';
    case 'dotnet': return 'dotnet app.dll';
    case 'elixir': return 'bin/server';
    default: return '';
  }
}

/** The base each stack gets by default, with the reason the review shows. */
export function recommendedBase(lang: string | null): BaseKind {
  switch (lang) {
    case 'node':
    case 'go':
    case 'rust':
    case 'java':
    case 'kotlin':
    case 'static':
      return 'distroless';
    default:
      return 'slim';
  }
}

const BASE_HINTS: Record<BaseKind, string> = {
  distroless:
    'smallest attack surface that still has a runtime: no shell, no package manager, few CVEs; debug with a :debug image; no curl for health checks',
  alpine: 'tiny (about 5 MB plus runtime) with a shell and apk; musl libc can break native modules and DNS edge cases',
  slim: 'Debian slim with glibc: most compatible, larger (70 MB+) and more packages to patch; shell and apt present',
  scratch: 'empty: only your statically linked binary and CA certificates; nothing to exploit, nothing to debug with',
};

/** The runtime the answers so far run on: its end-of-life product and the versions the base table has images for. */
function runtimeOf(ctx: QuestionContext): { product: NonNullable<ReturnType<typeof stackProduct>>; available: string[] } | null {
  const lang = language(ctx);
  if (!lang) return null;
  const stack = runtimeStackOf(lang, ctx.values.packageManager ?? ctx.facts?.packageManager);
  const product = stackProduct(stack);
  return product ? { product, available: imageVersions(stack) } : null;
}

/** With no version pinned: the newest supported (LTS) line that has a base image, else the fixed fallback. */
function defaultRuntimeVersion(ctx: QuestionContext): string {
  const lang = language(ctx);
  if (!lang) return '';
  const runtime = runtimeOf(ctx);
  const newest = runtime ? newestRecommended(runtime.product, { today: ctx.now, available: runtime.available }) : null;
  return newest?.cycle ?? DEFAULT_RUNTIME_VERSIONS[lang];
}

function staticBinary(ctx: QuestionContext): boolean {
  const lang = language(ctx);
  return lang === 'go' || lang === 'rust';
}

const commandFlag = (long: string, key: string, arg: string, description: string): QuestionFlag => ({ long, key, arg, description });

/** Every question, in the order the shells ask them. */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'app',
    step: 'app',
    kind: 'select',
    prompt: 'Which app in this workspace do you want to harden?',
    name: 'app',
    help: 'This folder holds several deployable apps. Each gets its own Dockerfile next to its sources; run harden-init again for the others.',
    confirm: true,
    field: 'app',
    flag: commandFlag('--app', 'app', '<path>', 'in a monorepo, the app to harden (see `harden-init detect`)'),
    when: (ctx) => Boolean(ctx.detection?.workspace && ctx.detection.apps.length > 0),
    choices: (ctx) =>
      (ctx.detection?.apps ?? []).map((app) => ({ value: app.path, label: app.path, hint: [app.language, app.framework].filter(Boolean).join(', ') })),
    default: (ctx) => ctx.detection?.apps[0]?.path ?? '.',
    validate: (text, ctx) =>
      !ctx.detection?.workspace || (ctx.detection.apps ?? []).some((app) => app.path === text) || text === '.'
        ? null
        : `must be one of ${(ctx.detection?.apps ?? []).map((app) => app.path).join(', ')}`,
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'language',
    step: 'app',
    kind: 'select',
    prompt: 'Which language is the app written in?',
    name: 'language',
    help: 'Decides the build stage toolchain and the runtime the final image keeps. Detected from manifest files such as package.json, pyproject.toml or go.mod.',
    filled: (ctx) => factsOfLanguage(ctx) !== null,
    field: 'language',
    flag: { ...commandFlag('--language', 'language', '<name>', 'language of the app'), choices: LANGUAGES },
    choices: () => LANGUAGES.map((value) => ({ value, label: value })),
    default: (ctx) => (ctx.facts && ctx.facts.language !== 'unknown' ? ctx.facts.language : ''),
    validate: (text) => ((LANGUAGES as readonly string[]).includes(text) ? null : `must be one of ${LANGUAGES.join(', ')}`),
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'packageManager',
    step: 'app',
    kind: 'select',
    prompt: 'Which package manager installs the dependencies?',
    name: 'package manager',
    help: 'The build stage installs dependencies with it from the lock file (npm ci, pip install -r, go mod download...), so builds are reproducible.',
    filled: (ctx) => {
      const facts = factsOfLanguage(ctx);
      return Boolean(facts && (facts.packageManager !== 'none' || PACKAGE_MANAGERS[language(ctx)!].includes('none')));
    },
    field: 'packageManager',
    flag: commandFlag('--package-manager', 'packageManager', '<name>', 'npm, yarn, pnpm, bun, pip, poetry, uv, maven, gradle, cargo, ...'),
    choices: (ctx) => {
      const lang = language(ctx);
      const known = lang ? PACKAGE_MANAGERS[lang] : [];
      const detected = ctx.facts?.packageManager;
      const all = detected && !known.includes(detected) && detected !== 'none' && lang === ctx.facts?.language ? [detected, ...known] : known;
      return all.map((value) => ({ value, label: value }));
    },
    default: (ctx) => {
      const lang = language(ctx);
      if (ctx.facts && ctx.facts.language === lang && ctx.facts.packageManager) return ctx.facts.packageManager;
      return lang ? PACKAGE_MANAGERS[lang][0] : '';
    },
    validate: (text) => (/^[a-z][a-z0-9-]*$/.test(text) ? null : 'must be a package manager name such as npm, pip or cargo'),
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'runtimeVersion',
    step: 'app',
    kind: 'text',
    prompt: 'Which runtime version should the image use?',
    name: 'runtime version',
    help: 'The image pins this version (tag and digest) in both stages, so a rebuild never silently upgrades the runtime. Detected from engines, .nvmrc, .python-version, go.mod and friends.',
    filled: (ctx) => Boolean(factsOfLanguage(ctx)?.version),
    field: 'runtimeVersion',
    flag: commandFlag('--runtime-version', 'runtimeVersion', '<version>', 'runtime version, e.g. 22 or 3.12'),
    default: (ctx) => factsOfLanguage(ctx)?.version || defaultRuntimeVersion(ctx),
    notice: (ctx) => {
      const runtime = runtimeOf(ctx);
      const version = ctx.values.runtimeVersion ?? questionById('runtimeVersion').default(ctx);
      const ended = runtime && version ? endOfLife(runtime.product, version, { today: ctx.now, available: runtime.available }) : null;
      return ended ? `${ended.message}.` : null;
    },
    validate: (text) => (/^\d+(\.\d+){0,2}$/.test(text) ? null : 'must be a version like 22, 3.12 or 1.23.4'),
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'framework',
    step: 'app',
    kind: 'text',
    prompt: 'Which framework does it use (or none)?',
    name: 'framework',
    help: 'Some frameworks need a specific build output or start command (Next.js standalone output, gunicorn for Django). Type none for plain apps.',
    filled: (ctx) => factsOfLanguage(ctx) !== null,
    field: 'framework',
    flag: commandFlag('--framework', 'framework', '<name>', 'express, next, django, spring-boot, ... or none'),
    default: (ctx) => orNone(ctx.facts?.framework),
    validate: (text) => (/^[a-z0-9][a-z0-9.+-]*$/i.test(text) ? null : 'must be a framework name like express or django, or none'),
    toValue: noneToNull,
    toText: orNone,
  },
  {
    id: 'buildCommand',
    step: 'app',
    kind: 'text',
    prompt: 'Which command builds the app (or none)?',
    name: 'build',
    help: 'Runs in the build stage after dependencies are installed; only its output is copied into the final image.',
    filled: (ctx) => factsOfLanguage(ctx) !== null,
    field: 'buildCommand',
    flag: commandFlag('--build-command', 'buildCommand', '<cmd>', 'command that builds the app, or none'),
    default: (ctx) => orNone(ctx.facts?.build),
    validate: (text) => (text.trim() === '' ? 'is required: type a command or none' : null),
    toValue: noneToNull,
    toText: orNone,
  },
  {
    id: 'startCommand',
    step: 'app',
    kind: 'text',
    prompt: 'Which command starts the app?',
    name: 'start',
    help: 'Becomes the exec-form CMD of the final image (no shell in between, so signals reach your app).',
    filled: (ctx) => Boolean(factsOfLanguage(ctx)?.start),
    field: 'startCommand',
    flag: commandFlag('--start-command', 'startCommand', '<cmd>', 'command that starts the app'),
    default: defaultStart,
    validate: (text) => (text.trim() === '' ? 'is required: the command that starts your app, e.g. node server.js' : null),
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'port',
    step: 'runtime',
    kind: 'text',
    prompt: 'Which port does the app listen on (or none)?',
    name: 'port',
    help: 'Documented with EXPOSE and used by the health check and compose.yaml. Pick a port above 1024: the app runs as a non-root user.',
    filled: (ctx) => Boolean(ctx.facts?.port),
    field: 'port',
    flag: commandFlag('--port', 'port', '<number>', 'port the app listens on'),
    default: (ctx) => (ctx.facts?.port ? String(ctx.facts.port) : 'none'),
    validate: (text) => (text.toLowerCase() === 'none' ? null : integerProblem(text, 1, 65535)),
    toValue: (text) => (text.toLowerCase() === 'none' || text === '' ? null : Number(text)),
    toText: orNone,
  },
  {
    id: 'healthcheck',
    step: 'runtime',
    kind: 'text',
    prompt: 'Which HTTP path answers health checks (or none)?',
    name: 'health check',
    help: 'The image gets a HEALTHCHECK that requests this path with the runtime itself (distroless has no curl). Suggested from a health route the code defines (/healthz, /health, /livez, /ready, /ping, Spring\'s actuator). none: the Dockerfile says why there is none.',
    filled: (ctx) => detectedHealthcheck(ctx) !== null,
    fallback: true,
    field: 'healthcheck',
    flag: commandFlag('--healthcheck', 'healthcheck', '<path|none>', 'HTTP path the health check requests, or none'),
    when: (ctx) => (ctx.values.port ?? 'none').toLowerCase() !== 'none',
    default: (ctx) => detectedHealthcheck(ctx) ?? 'none',
    detected: (ctx) => {
      const evidence = detectedHealthcheck(ctx) ? healthEvidence(ctx.facts?.evidence) : null;
      return evidence ? evidenceText(evidence) : null;
    },
    validate: (text) => (/^(none|\/\S*)$/.test(text) ? null : 'must be an absolute path like /health, or none'),
    toValue: (text) => text,
    toText: (value) => (value === undefined || value === null ? 'none' : String(value)),
  },
  {
    id: 'buildSecrets',
    step: 'runtime',
    kind: 'text',
    prompt: 'Which build secrets does the build need (comma-separated ids, or none)?',
    name: 'build secrets',
    help: 'Tokens the build needs (a private registry .npmrc, pip.conf) are mounted with RUN --mount=type=secret and never stored in a layer. Pass them with docker build --secret id=<id>,src=<file>.',
    field: 'buildSecrets',
    flag: { ...commandFlag('--build-secret', 'buildSecret', '<id>', 'a BuildKit secret the build needs (repeatable), e.g. npmrc'), repeatable: true },
    default: (ctx) => (ctx.suggestedSecrets.length > 0 ? ctx.suggestedSecrets.join(', ') : 'none'),
    validate: (text) => {
      if (text.toLowerCase() === 'none' || text === '') return null;
      const bad = splitList(text).find((id) => !/^[A-Za-z0-9_.-]+$/.test(id));
      return bad === undefined ? null : `"${bad}" must be a secret id like npmrc (letters, digits, . _ -)`;
    },
    toValue: (text) => (text.toLowerCase() === 'none' ? [] : splitList(text)),
    toText: (value) => (Array.isArray(value) && value.length > 0 ? value.join(', ') : 'none'),
  },
  {
    id: 'caCert',
    step: 'runtime',
    kind: 'text',
    prompt: 'Use this CA bundle when the build downloads packages (a PEM file, or none)?',
    name: 'CA bundle',
    help: 'Behind a TLS-inspecting proxy or with a private registry, installs in the build fail (SELF_SIGNED_CERT_IN_CHAIN) unless they trust your CA. The bundle goes in as the build secret "ca" (harden-init build passes it) and each install step trusts it while it runs; it never lands in a layer. Give a full bundle, system roots plus your CA: pip, go and cargo replace their roots with it.',
    field: 'caCert',
    flag: commandFlag('--ca-cert', 'caCert', '<file>', 'CA bundle (PEM, system roots plus your CA) the build trusts when it downloads, passed as the build secret "ca"; or none'),
    // Asked only when the environment names a bundle; --ca-cert or the answers file set it otherwise.
    when: (ctx) => ctx.caBundle !== null,
    default: (ctx) => ctx.caBundle?.path ?? 'none',
    validate: (text) => (text.toLowerCase() === 'none' || /^[^\n]+$/.test(text) ? null : 'must be the path of a PEM file, or none'),
    toValue: noneToNull,
    toText: orNone,
  },
  {
    id: 'uid',
    step: 'runtime',
    kind: 'text',
    prompt: 'Which numeric user id should the app run as?',
    name: 'user id',
    help: 'The final stage runs as USER <uid>:<uid>, never root. A high number (default 10001) does not clash with users of the host.',
    field: 'uid',
    flag: commandFlag('--uid', 'uid', '<number>', 'numeric uid:gid the app runs as (default 10001)'),
    default: () => '10001',
    validate: (text) => integerProblem(text, 1, 2147483647, ' (0 is root)'),
    toValue: (text) => Number(text),
    toText: asText,
  },
  {
    id: 'appDir',
    step: 'runtime',
    kind: 'text',
    prompt: 'Where should the app live inside the image?',
    name: 'app folder',
    help: 'Files there are owned by root and read-only for the app user, except the writable directories.',
    field: 'appDir',
    flag: commandFlag('--app-dir', 'appDir', '<path>', 'directory of the app inside the image (default /app)'),
    default: () => '/app',
    validate: (text) => (/^\/[^\s]*$/.test(text) ? null : 'must be an absolute path like /app'),
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'base',
    step: 'base',
    kind: 'select',
    prompt: 'Which base should the final image use?',
    name: 'base image',
    help: 'Everything in the final base ships with your app and needs patching. Smaller bases mean fewer CVEs and less for an attacker to use, but fewer tools to debug with.',
    confirm: true,
    field: 'base',
    flag: { ...commandFlag('--base', 'base', '<kind>', 'final base image'), choices: BASE_KINDS },
    choices: (ctx) =>
      BASE_KINDS.filter((kind) => kind !== 'scratch' || staticBinary(ctx)).map((kind) => ({
        value: kind,
        label: kind === recommendedBase(language(ctx)) ? `${kind} (recommended)` : kind,
        hint: BASE_HINTS[kind],
      })),
    default: (ctx) => recommendedBase(language(ctx)),
    validate: (text, ctx) => {
      if (!(BASE_KINDS as readonly string[]).includes(text)) return `must be one of ${BASE_KINDS.join(', ')}`;
      if (text === 'scratch' && language(ctx) !== null && !staticBinary(ctx)) return 'scratch only suits static binaries (go, rust): pick distroless instead';
      return null;
    },
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'contact',
    step: 'security',
    kind: 'text',
    prompt: 'Where should security researchers report vulnerabilities?',
    name: 'security contact',
    help: 'The Contact line of security.txt: a mailto: address or an https: page. It defaults to the package author, then git user.email, then the bugs URL. A public issue tracker is a poor choice: reports should stay private until fixed.',
    confirm: true,
    field: 'security.contact',
    flag: commandFlag('--contact', 'contact', '<mailto:|https:>', 'security contact for security.txt and labels'),
    default: defaultContact,
    normalize: (text) => {
      const trimmed = text.trim();
      return EMAIL.test(trimmed) ? `mailto:${trimmed}` : trimmed;
    },
    validate: contactProblem,
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'policy',
    step: 'security',
    kind: 'text',
    prompt: 'Where is your vulnerability disclosure policy (https URL, or none)?',
    name: 'disclosure policy',
    help: 'Optional Policy line of security.txt: a page that says what researchers may test and how you respond.',
    field: 'security.policy',
    flag: commandFlag('--policy', 'policy', '<url>', 'URL of your vulnerability disclosure policy'),
    default: () => 'none',
    validate: (text) => (text.toLowerCase() === 'none' ? null : urlProblem(text, true)),
    toValue: noneToUndefined,
    toText: orNone,
  },
  {
    id: 'expires',
    step: 'security',
    kind: 'text',
    prompt: 'When should security.txt expire?',
    name: 'security.txt expiry',
    help: 'RFC 9116 requires an Expires date at most a year ahead, so stale contacts are noticed. Renew it by re-running harden-init before then.',
    field: 'security.expires',
    flag: commandFlag('--expires', 'expires', '<ISO 8601>', 'when security.txt expires (at most one year ahead)'),
    default: (ctx) => defaultExpires(ctx.now),
    normalize: (text) => {
      const trimmed = text.trim();
      return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed;
    },
    validate: (text, ctx) => expiresProblem(text, ctx.now),
    toValue: (text) => text,
    toText: asText,
  },
  {
    id: 'securityUrl',
    step: 'security',
    kind: 'text',
    prompt: 'At which https URL will security.txt be served (or none)?',
    name: 'security.txt URL',
    help: 'Goes into the securitytxt image label and the Canonical line, so anyone holding the image finds your contact. Usually https://<your domain>/.well-known/security.txt.',
    field: 'security.url',
    flag: commandFlag('--security-url', 'securityUrl', '<url>', 'public https URL of your security.txt, for the securitytxt label'),
    default: (ctx) => {
      const home = ctx.metadata.homepage;
      if (!home || urlProblem(home, true) !== null) return 'none';
      return `${new URL(home).origin}/.well-known/security.txt`;
    },
    validate: (text) => (text.toLowerCase() === 'none' ? null : urlProblem(text, true)),
    toValue: noneToUndefined,
    toText: orNone,
  },
];

export function splitList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}

export function questionById(id: QuestionId): Question {
  const question = QUESTIONS.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

export function stepOf(id: StepId): Step {
  return STEPS.find((step) => step.id === id)!;
}

/** Facts of the chosen app: a workspace app's own facts, else the top-level detection. */
export function factsFor(detection: Detection | null, app: string | undefined): ChosenFacts | null {
  if (!detection) return null;
  if (app && app !== '.') {
    const found = detection.apps.find((candidate) => candidate.path === app);
    if (found) return found;
  }
  return detection;
}

/** Normalised text of an answer: the question's own normaliser, else trimmed. */
export function normalizeAnswer(question: Question, text: string): string {
  return question.normalize ? question.normalize(text) : text.trim();
}

/**
 * Whether accepting the detected answers at once still asks this question: the choices that
 * matter, what detection could not fill, a suggestion with a warning (an ended runtime version),
 * and any question without a valid suggestion.
 */
export function askedOnAccept(question: Question, ctx: QuestionContext): boolean {
  if (question.confirm || question.notice?.(ctx)) return true;
  if (question.filled && !question.filled(ctx) && !question.fallback) return true;
  return question.validate(normalizeAnswer(question, question.default(ctx)), ctx) !== null;
}

/** True when the question should be asked given the answers so far. */
export function isAsked(question: Question, ctx: QuestionContext): boolean {
  return question.when ? question.when(ctx) : true;
}
