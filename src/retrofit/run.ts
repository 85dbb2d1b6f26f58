// Adapter: reads the project's existing files, plans the retrofit, and writes it with backups.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Answers } from '../questions/answers.js';
import type { LintFinding } from '../lint/types.js';
import { applyPlan, readExisting, type WriteStatus } from '../write/apply.js';
import { fileDiff } from '../write/diff.js';
import { planWrites, type FileToWrite } from '../write/plan.js';
import { analyzeDockerfile } from './analyze.js';
import { suggestComposeHardening } from './compose.js';
import { extendDockerignore, SECRET_PATTERNS } from './dockerignore.js';
import { applyPatches } from './patches.js';
import { planRetrofit, retrofitAnswers } from './plan.js';
import type { RetrofitPlan } from './types.js';

/** What the retrofit needs from the generator: its files (the Dockerfile at least). */
export interface GeneratedFiles {
  files: Array<{ path: string; content: string }>;
  notes?: string[];
}

export interface RetrofitOptions {
  /** Print, write nothing. Default false. */
  dryRun?: boolean;
  /** `rewrite` (default, what `--yes` takes): the merged hardened Dockerfile; `patches`: the existing file with the accepted hunks. */
  mode?: 'rewrite' | 'patches';
  /** In `patches` mode, the ids of the hunks to apply. Default: all of them. */
  accept?: readonly string[];
  /** The Dockerfile to retrofit, relative to dir. Default `Dockerfile`. */
  dockerfile?: string;
  /** The generator's output for these answers. Default: run the generator on dir. */
  generated?: GeneratedFiles | { dockerfile: string };
  /** Replace an existing security.txt with the generated one. Default false: keep it (after checking it). */
  regenerateSecurityTxt?: boolean;
  /** The clock for the security.txt check. Default now. */
  now?: Date;
  /** Linter and fixer; default: harden-init's own (`lintDockerfile`, `fixDockerfile`). */
  lint?: (text: string) => LintFinding[];
  fix?: (text: string) => string;
  /** Adjust the answers to what the existing Dockerfile needs (see `retrofitAnswers`). Default true. */
  adjustAnswers?: boolean;
  /** Passed to the generator. */
  templateDir?: string;
  onWarning?: (message: string) => void;
  /** Called for each status line as files are written. */
  onStatus?: (status: WriteStatus) => void;
}

export interface RetrofitResult {
  plan: RetrofitPlan;
  /** The answers the Dockerfile was generated for, after `retrofitAnswers`. */
  answers: Answers;
  /** The Dockerfile as it will be (or was) written. */
  dockerfile: string;
  /** Unified diff of every file that changes, `a/<path>` against `b/<path>`. */
  diff: string;
  /** Files that change: path, before (null: new) and after. */
  changes: Array<{ path: string; before: string | null; after: string }>;
  /** Status lines of the writes (empty for a dry run). */
  statuses: WriteStatus[];
  /** Backups made, relative to dir (e.g. `Dockerfile.harden-init.bak`). */
  backups: string[];
  /** Problems in the existing security.txt, when one is kept. */
  securityTxtProblems: Array<{ path: string; line: number; message: string }>;
  /** The generated security.txt for the path of the one that is kept, when they differ: the user may choose it instead. */
  securityTxtAlternative: { path: string; content: string } | null;
  /** Runtime hardening for compose files that build the Dockerfile: suggested, never written. */
  composeSuggestions: Array<{ path: string; diff: string; services: string[] }>;
  /** Lines for the user: secrets to pass, what was not carried over, notes from the generator. */
  notes: string[];
  /** The notes that are neither secrets nor what was not carried over (answer changes, .dockerignore, the generator's). */
  otherNotes: string[];
}

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const SECURITY_TXT = ['.well-known/security.txt', 'security.txt'];

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The linter the patch series is checked with; `today` judges end-of-life findings. */
async function defaultLinter(today?: Date): Promise<{ lint?: (text: string) => LintFinding[]; fix?: (text: string) => string }> {
  try {
    const lint = await import('../lint/index.js');
    return { lint: (text) => lint.lintDockerfile(text, { today }), fix: (text) => lint.fixDockerfile(text, { today }).text };
  } catch {
    return {};
  }
}

async function defaultGenerator(dir: string, answers: Answers, options: RetrofitOptions): Promise<GeneratedFiles> {
  const { prepareGeneration } = await import('../generate/prepare.js');
  return prepareGeneration(dir, answers, { templateDir: options.templateDir, onWarning: options.onWarning, registry: answers.registry, pin: answers.pin, now: options.now });
}

/**
 * Retrofits the app in `dir` that already has a Dockerfile: plans the merged hardened Dockerfile
 * (or the accepted patch hunks), extends .dockerignore, keeps and checks security.txt, suggests
 * compose hardening; unless `dryRun`, writes each changed file atomically after a byte-identical
 * `<name>.harden-init.bak` backup (numbered when one exists).
 */
export async function retrofitDir(dir: string, answers: Answers, options: RetrofitOptions = {}): Promise<RetrofitResult> {
  const dockerfilePath = options.dockerfile ?? 'Dockerfile';
  const existing = await readText(path.join(dir, dockerfilePath));
  if (existing === null) throw new Error(`no ${dockerfilePath} to retrofit in ${dir}`);
  const linter = options.lint || options.fix ? { lint: options.lint, fix: options.fix } : await defaultLinter(options.now);
  const adjusted = options.adjustAnswers === false ? { answers, reasons: [] } : retrofitAnswers(existing, answers);
  answers = adjusted.answers;
  const generated = options.generated ?? (await defaultGenerator(dir, answers, options));
  const files = 'files' in generated ? generated.files : [{ path: 'Dockerfile', content: generated.dockerfile }];
  const generatedDockerfile = files.find((f) => f.path === 'Dockerfile')?.content ?? '';
  const plan = planRetrofit(existing, { dockerfile: generatedDockerfile }, { uid: answers.uid, lint: linter.lint, fix: linter.fix });

  let dockerfile: string;
  if (options.mode === 'patches') dockerfile = applyPatches(existing, options.accept ?? plan.patches.map((p) => p.id), plan.patches);
  else dockerfile = plan.rewrite;
  const writes: FileToWrite[] = [{ path: dockerfilePath, content: dockerfile }];

  // .dockerignore: extended, never replaced, never hiding what the Dockerfile copies.
  // Both ways of applying are offered from one plan: keep in the context what either file copies.
  const copied = [dockerfile, plan.rewrite, existing].flatMap((text) => analyzeDockerfile(text).copies.filter((c) => c.from === null && !c.remote).flatMap((c) => c.sources));
  const ignorePath = '.dockerignore';
  const currentIgnore = await readText(path.join(dir, ignorePath));
  const generatedIgnore = files.find((f) => f.path === ignorePath)?.content;
  const required = currentIgnore === null && generatedIgnore ? generatedIgnore.split('\n').filter((l) => l.trim() && !l.startsWith('#')) : SECRET_PATTERNS;
  const extended = extendDockerignore(currentIgnore, [...new Set([...required, ...SECRET_PATTERNS])], await expandCopied(dir, [...new Set(copied)]));
  if (extended.text !== (currentIgnore ?? '')) writes.push({ path: ignorePath, content: extended.text });

  // security.txt: kept and checked unless the user asks for a new one.
  const securityTxtProblems: RetrofitResult['securityTxtProblems'] = [];
  const generatedSecurity = files.find((f) => f.path.endsWith('security.txt'));
  let keptSecurity = false;
  let securityTxtAlternative: RetrofitResult['securityTxtAlternative'] = null;
  for (const candidate of SECURITY_TXT) {
    const text = await readText(path.join(dir, candidate));
    if (text === null) continue;
    keptSecurity = !options.regenerateSecurityTxt;
    if (keptSecurity && generatedSecurity?.path === candidate && generatedSecurity.content !== text) securityTxtAlternative = { path: candidate, content: generatedSecurity.content };
    if (keptSecurity) {
      const { checkSecurityTxt } = await import('../securitytxt/check.js');
      for (const problem of checkSecurityTxt(text, options.now ?? new Date())) securityTxtProblems.push({ path: candidate, line: problem.line, message: problem.message });
    }
    break;
  }
  if (generatedSecurity && !keptSecurity) writes.push({ path: generatedSecurity.path, content: generatedSecurity.content });

  // Compose files that build this Dockerfile: suggestions only.
  const composeSuggestions: RetrofitResult['composeSuggestions'] = [];
  let hasCompose = false;
  for (const name of COMPOSE_FILES) {
    const text = await readText(path.join(dir, name));
    if (text === null) continue;
    hasCompose = true;
    const suggestion = suggestComposeHardening(text, { dockerfile: dockerfilePath, uid: answers.uid, writableDirs: answers.writableDirs }, name);
    if (suggestion.diff) composeSuggestions.push({ path: name, diff: suggestion.diff, services: suggestion.services });
  }
  // Generated files the project does not have yet (compose.yaml, .harden-init.json) are created, never replaced.
  const existingOthers = await readExisting(dir, files.map((f) => f.path).filter((p) => p !== 'Dockerfile' && p !== ignorePath && !p.endsWith('security.txt')));
  for (const [file, content] of existingOthers) {
    if (content !== null) continue;
    if (/^(docker-)?compose\.ya?ml$/.test(file) && hasCompose) continue;
    writes.push({ path: file, content: files.find((f) => f.path === file)!.content });
  }

  const planned = planWrites(writes, await readExisting(dir, writes.map((w) => w.path)));
  const changes = planned.filter((p) => p.action !== 'identical').map((p) => ({ path: p.path, before: p.existing, after: p.content }));
  const diff = changes.map((c) => fileDiff(c.path, c.before ?? '', c.after)).join('\n');
  const otherNotes = [
    ...adjusted.reasons,
    ...extended.skipped.map((s) => `.dockerignore: kept ${s.path} in the build context (not adding ${s.pattern}): the Dockerfile copies it`),
    ...('files' in generated ? (generated.notes ?? []) : []),
  ];
  const notes = [
    ...adjusted.reasons,
    ...plan.secrets.map((s) => `build secret ${s.id} (was ${s.variable}): ${s.hint}`),
    ...plan.runtimeSecrets.map((name) => `${name} is no longer in the image: pass it at run time`),
    ...plan.unsafe.map((u) => `not carried over${u.line ? ` (line ${u.line})` : ''}: ${u.what}: ${u.why}`),
    ...otherNotes.slice(adjusted.reasons.length),
  ];
  const result: RetrofitResult = { plan, answers, dockerfile, diff, changes, statuses: [], backups: [], securityTxtProblems, securityTxtAlternative, composeSuggestions, notes, otherNotes };
  if (options.dryRun) return result;
  result.statuses = await applyPlan(dir, planned, { onStatus: options.onStatus });
  result.backups = result.statuses.filter((s) => s.verb === 'backup' && s.backup).map((s) => s.backup!);
  return result;
}

/** COPY sources, with directories expanded to the files in them, so no ignore pattern hides any of them. */
async function expandCopied(dir: string, sources: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const source of sources) {
    const clean = source.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!clean || clean === '.' || /[*?[$]/.test(clean) || clean.startsWith('..') || clean.startsWith('/')) continue;
    out.push(clean);
    try {
      const entries = await readdir(path.join(dir, clean), { recursive: true, withFileTypes: true });
      for (const entry of entries.slice(0, 5000)) {
        if (!entry.isFile()) continue;
        out.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
      }
    } catch {
      // A file, or a path that does not exist: the path itself is enough.
    }
  }
  return out;
}
