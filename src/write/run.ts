// `harden-init [dir]`: picks the shell (wizard, --plain, --yes/--answers), wires the real actions
// (detection, generation, the write layer) and turns outcomes into status lines and exit codes.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { clock, type CommandContext } from '../cli/context.js';
import { Cancelled, EXIT, InputError, UsageError, printError } from '../cli/errors.js';
import type { AppFacts, Detection, Evidence, RepoSnapshot } from '../detect/types.js';
import type { GenerateResult } from '../generate/types.js';
import type { Answers } from '../questions/answers.js';
import { QUESTIONS } from '../questions/model.js';
import type { AnswerError, ResolveInput } from '../questions/resolve.js';
import { caBundleFromEnv, caCertFlag, savedCaPath } from '../docker/ca-bundle.js';
import { buildSecretIds, secretFlag } from '../retrofit/series.js';
import type { InitActions, Prepared, RetrofitChoice } from '../ui/actions.js';
import type { OpenWizard } from '../ui/run.js';
import type { InitShell } from '../cli/commands/init.js';
import { makeTheme, paint } from '../ui/theme.js';
import { applyPlan, planFromDisk, type WriteStatus } from './apply.js';
import { statusLine, type PlannedWrite } from './plan.js';

export interface InitActionOptions {
  templateDir?: string;
  /** Print plans, write nothing. */
  dryRun?: boolean;
  onWarning?: (message: string) => void;
  /** The day version ranges are resolved on and end-of-life facts judged by; default: now. */
  now?: Date;
}

/** The real actions: detection and metadata from one repo snapshot, generation, the write layer. */
export function createInitActions(root: string, options: InitActionOptions = {}): InitActions {
  let snapshot: Promise<RepoSnapshot> | null = null;
  const readSnapshot = async () => {
    const { readRepoSnapshot } = await import('../detect/snapshot.js');
    snapshot ??= readRepoSnapshot(root);
    return snapshot;
  };
  return {
    async detect(app) {
      const { detectRepo } = await import('../detect/index.js');
      const detection = detectRepo(await readSnapshot(), { ...(app && app !== '.' ? { app } : {}), today: options.now ?? new Date() });
      return withDockerfileVersions(root, detection, app && app !== '.' ? app : '.');
    },
    async defaults(app) {
      const [{ readAppMetadata, needsBuildSecrets }, repo, gitEmail] = await Promise.all([import('../detect/index.js'), readSnapshot(), readGitEmail(root)]);
      return { metadata: readAppMetadata(repo, app), gitEmail, suggestedSecrets: needsBuildSecrets(repo, app).map((need) => need.id) };
    },
    async prepare(chosen): Promise<Prepared> {
      const appDir = chosen.app === '.' ? root : path.join(root, chosen.app);
      const answers = chosen.caCert ? { ...chosen, caCert: savedCaPath(chosen.caCert, appDir) } : chosen;
      const prefix = answers.app === '.' ? '' : `${answers.app.replace(/\/+$/, '')}/`;
      const generated = await generateNew(appDir, answers, options);
      const existing = await readFile(path.join(appDir, 'Dockerfile'), 'utf8').catch(() => null);
      const fresh = generated.files.find((file) => file.path === 'Dockerfile')?.content;
      const retrofitted = existing !== null && needsRetrofit(existing, fresh) ? await retrofitExisting(appDir, existing, answers, generated, options) : null;
      const result = retrofitted ?? generated;
      const files = result.files.map((file) => ({ path: `${prefix}${file.path}`, content: file.content }));
      const prepared: Prepared = { plan: await planFromDisk(root, files), notes: result.notes, baseImages: result.baseImages };
      if (retrofitted) {
        prepared.retrofit = { ...retrofitted.choice, path: `${prefix}Dockerfile` };
        prepared.keep = retrofitted.keep.map((file) => `${prefix}${file}`);
      }
      return prepared;
    },
    async write(plan, { skip, onStatus }) {
      if (options.dryRun) {
        // Nothing touches the disk; report what would happen.
        return plan.map((entry) => {
          const status: WriteStatus = { verb: entry.action === 'conflict' && skip.has(entry.path) ? 'skip' : entry.action, path: entry.path };
          onStatus?.(status);
          return status;
        });
      }
      return applyPlan(root, plan, { skip, onStatus });
    },
  };
}

/**
 * An app whose repo states no runtime version keeps the one its existing Dockerfile's base image
 * names (`FROM node:20` stays on node 20), for the question's default and for --yes alike.
 */
async function withDockerfileVersions(root: string, detection: Detection, app: string): Promise<Detection> {
  const { runtimeFromDockerfile } = await import('../retrofit/runtime.js');
  const fill = async <T extends AppFacts & { evidence?: Evidence[] }>(facts: T, dir: string): Promise<T> => {
    if (facts.version !== null || facts.language === 'unknown') return facts;
    const file = dir === '.' ? 'Dockerfile' : `${dir.replace(/\/+$/, '')}/Dockerfile`;
    const text = await readFile(path.join(root, file), 'utf8').catch(() => null);
    const found = text === null ? null : runtimeFromDockerfile(text, facts.language);
    if (!found) return facts;
    const evidence = { file, fact: `FROM ${found.image} (line ${found.line}): ${facts.language} ${found.version}, kept as no other file states a version` };
    return { ...facts, version: found.version, ...(facts.evidence ? { evidence: [...facts.evidence, evidence] } : {}) };
  };
  const top = await fill(detection, app);
  return { ...top, apps: await Promise.all(detection.apps.map((entry) => fill(entry, entry.path))) };
}

/**
 * The user's own Dockerfile, or one that carries steps over from it, is merged; a file harden-init
 * wrote from answers alone is simply regenerated (the same answers give the same file; new answers
 * replace it, with a backup and a diff).
 */
function needsRetrofit(existing: string, generated: string | undefined): boolean {
  if (existing === generated) return false;
  return !existing.includes(GENERATED_MARK) || existing.includes(CARRIED_MARK);
}
const GENERATED_MARK = 'written by harden-init.';
const CARRIED_MARK = '# carried over from your Dockerfile';

async function generateNew(appDir: string, answers: Answers, options: InitActionOptions) {
  const { prepareGeneration } = await import('../generate/prepare.js');
  return prepareGeneration(appDir, answers, { templateDir: options.templateDir, registry: answers.registry, pin: answers.pin, onWarning: options.onWarning, now: options.now });
}

/**
 * An app that already has a Dockerfile is retrofitted, not overwritten: its Dockerfile becomes the
 * merge of the user's file into the hardened one, .dockerignore is extended, security.txt is kept
 * (and checked), compose files get suggestions.
 */
async function retrofitExisting(appDir: string, existing: string, answers: Answers, generated: GenerateResult, options: InitActionOptions) {
  const [{ retrofitDir }, { retrofitAnswers }] = await Promise.all([import('../retrofit/run.js'), import('../retrofit/index.js')]);
  // Generation resolves digests over the network: reuse it unless the merge changes the answers.
  const unchanged = JSON.stringify(retrofitAnswers(existing, answers).answers) === JSON.stringify(answers);
  const result = await retrofitDir(appDir, answers, { dryRun: true, generated: unchanged ? generated : undefined, templateDir: options.templateDir, onWarning: options.onWarning, now: options.now });
  // Secrets and what was not carried over are shown by the review itself (see retrofitNotes).
  const notes = [
    'your Dockerfile is retrofitted: the full rewrite merges it into the hardened one, or the patch series fixes it finding by finding (the old file is kept as a .harden-init.bak backup)',
    ...result.otherNotes,
    ...result.securityTxtProblems.map((p) => `${p.path}:${p.line}: ${p.message} (kept your security.txt)`),
    ...result.composeSuggestions.map((c) => `${c.path}: suggested runtime hardening for ${c.services.join(', ')} (not applied):\n${c.diff}`),
  ];
  const files = result.changes.map((change) => ({ path: change.path, content: change.after }));
  // The user's security.txt is kept; the generated one is offered in its place (kept unless chosen).
  const keep: string[] = [];
  if (result.securityTxtAlternative) {
    files.push(result.securityTxtAlternative);
    keep.push(result.securityTxtAlternative.path);
    notes.push(`${result.securityTxtAlternative.path}: yours is kept; choose the generated one in the review to replace it (a backup is kept)`);
  }
  const baseImages = analyzeBases(result.dockerfile);
  const { plan } = result;
  const choice: Omit<RetrofitChoice, 'path'> = {
    original: existing,
    rewrite: plan.rewrite,
    patches: plan.patches.map(({ id, title, diff, start, end, lines }) => ({ id, title, diff, start, end, lines })),
    unsafe: plan.unsafe.map((u) => `${u.what}${u.line ? ` (line ${u.line})` : ''}: ${u.why}`),
    runtimeSecrets: plan.runtimeSecrets,
    secretVariables: Object.fromEntries(plan.secrets.map((s) => [s.id, s.variable])),
  };
  // A Dockerfile the merge leaves as it is is not in the changes: the rewrite is the file itself.
  if (!files.some((file) => file.path === 'Dockerfile')) choice.rewrite = existing;
  return { files, notes, baseImages, choice, keep };
}

/**
 * What the user must know about the Dockerfile that will be written: what the rewrite could not
 * carry over safely, secrets dropped from the image, and the build secrets to pass.
 */
export function retrofitNotes(choice: Omit<RetrofitChoice, 'path'>, dockerfile: string, mode: 'rewrite' | 'patches'): string[] {
  const notes: string[] = [];
  if (mode === 'rewrite') {
    for (const item of choice.unsafe) notes.push(`not carried over: ${item}`);
    for (const name of choice.runtimeSecrets) notes.push(`${name} is no longer in the image: pass it at run time (docker run -e ${name})`);
  }
  for (const id of buildSecretIds(dockerfile)) {
    const variable = choice.secretVariables[id];
    notes.push(`build secret ${id}${variable ? ` (was ${variable})` : ''}: docker build ${secretFlag(id)} .`);
  }
  return notes;
}

/** The FROM lines of the final Dockerfile, for the wizard's summary. */
function analyzeBases(dockerfile: string) {
  return [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({ stage: m[2] ?? '', ref: m[1], reason: 'kept from the merge of your Dockerfile' }));
}

/** `git config user.email` in the project folder, or null. */
export function readGitEmail(cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', 'user.email'], { cwd, timeout: 2000 }, (error, stdout) => {
      const email = String(stdout ?? '').trim();
      resolve(error || !email ? null : email);
    });
  });
}

/** Reads an answers file (JSON, or YAML by extension or when JSON does not parse). */
export async function loadAnswersFile(cwd: string, file: string): Promise<{ path: string; data: unknown }> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'no such answers file' : `cannot read answers: ${code ?? String(error)}`, file, 'pass the .harden-init.json a previous run wrote, or a YAML file with the same fields');
  }
  const yamlish = /\.ya?ml$/i.test(file);
  if (!yamlish) {
    try {
      return { path: file, data: JSON.parse(text) };
    } catch (error) {
      if (/\.json$/i.test(file)) {
        const position = /position (\d+)/.exec(String(error))?.[1];
        const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
        throw new InputError('invalid answers: not valid JSON', line ? `${file}:${line}` : file, 'fix the syntax, or write the answers as YAML');
      }
    }
  }
  const { parse, YAMLParseError } = await import('yaml');
  try {
    return { path: file, data: parse(text) };
  } catch (error) {
    const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
    throw new InputError('invalid answers: not valid YAML', line ? `${file}:${line}` : file, 'fix the syntax');
  }
}

/** Turns an answer that does not validate into the one-line error for where it came from. */
export function answerErrorToCli(error: AnswerError, answersFile: string | undefined): Error {
  const question = error.question ?? QUESTIONS.find((q) => q.field === error.field);
  if (error.source === 'file' || (error.source !== 'flag' && answersFile && !question)) {
    return new InputError(`invalid answers: ${error.field} ${error.problem}`, answersFile, 'fix the value or delete the field');
  }
  if (error.source === 'flag' && question) {
    return new UsageError(`${question.flag.long} ${error.problem}`, 'command line', `fix the value (${question.flag.long} ${question.flag.arg})`);
  }
  const flag = question ? `${question.flag.long} ${question.flag.arg}` : `the ${error.field} field in --answers`;
  return new UsageError(`${error.field} ${error.problem}`, 'detected defaults', `pass ${flag}`);
}

async function printPlan(ctx: CommandContext, plan: readonly PlannedWrite[], withDiffs: boolean, keep: ReadonlySet<string> = new Set()): Promise<void> {
  const { fileDiff, diffLines } = await import('./diff.js');
  const theme = makeTheme(ctx.color);
  for (const entry of plan) {
    if (keep.has(entry.path) && entry.action === 'conflict') {
      ctx.stdout.write(`${statusLine('skip', entry.path)}\n`);
      continue;
    }
    ctx.stdout.write(`${statusLine(entry.action, entry.path)}\n`);
    if (withDiffs && entry.action === 'conflict') {
      const patch = fileDiff(entry.path, entry.existing ?? '', entry.content);
      const coloured = diffLines(patch).map((line) =>
        line.kind === 'add' ? paint(theme, 'added', line.text) : line.kind === 'remove' ? paint(theme, 'removed', line.text) : line.kind === 'hunk' ? paint(theme, 'hunk', line.text) : line.text,
      );
      ctx.stdout.write(`${coloured.join('\n')}\n`);
    }
    if (withDiffs && entry.action === 'create') {
      ctx.stdout.write(`${entry.content.replace(/^/gm, '+ ').replace(/\+ $/, '')}${entry.content.endsWith('\n') ? '' : '\n'}`);
    }
  }
}

function printStatus(ctx: CommandContext, status: WriteStatus): void {
  ctx.stdout.write(`${statusLine(status.verb, status.path, status.backup ? `-> ${status.backup}` : undefined)}\n`);
}

/** The shell init runs in, chosen by the command; the wizard's frame is already on screen. */
export interface InitShellChoice {
  shell: InitShell;
  wizard: OpenWizard | null;
  /** The folder as the wizard and the prompts name it. */
  dirLabel: string;
}

export async function runInit(args: string[], options: Record<string, unknown>, ctx: CommandContext, { shell, wizard, dirLabel }: InitShellChoice): Promise<number> {
  const dir = args[0] ?? '.';
  const root = path.resolve(ctx.cwd, dir);
  const answersPath = typeof options.answers === 'string' ? options.answers : undefined;
  const dryRun = Boolean(options.dryRun);
  const app = typeof options.app === 'string' ? options.app.replace(/^\.\//, '').replace(/\/+$/, '') || '.' : undefined;
  const warnings: string[] = [];
  const actions = createInitActions(root, {
    templateDir: typeof options.templateDir === 'string' ? path.resolve(ctx.cwd, options.templateDir) : undefined,
    dryRun,
    onWarning: (message) => warnings.push(message),
    now: clock(ctx.env),
  });
  const answersFile = answersPath ? await loadAnswersFile(ctx.cwd, answersPath) : null;
  // A relative --ca-cert is the user's, from where they stand; the answers keep it relative to the app.
  const caCert = typeof options.caCert === 'string' && options.caCert.toLowerCase() !== 'none' ? caCertFlag(options.caCert, ctx.cwd) : options.caCert;
  // Offered only when no answers exist: an answers file without caCert means none, so a replay stays byte for byte.
  const caBundle = answersFile ? null : caBundleFromEnv(ctx.env);
  const input: ResolveInput = { flags: { ...options, app, caCert }, detection: null, answersFile, now: clock(ctx.env), caBundle };
  const theme = makeTheme(ctx.color);
  const warn = (message: string) => ctx.stderr.write(`${paint(theme, 'warning', `harden-init: ${message}`)}\n`);

  if (shell === 'unattended') {
    const { AnswerError, resolveAnswers } = await import('../questions/resolve.js');
    const [detection, defaults] = await Promise.all([actions.detect(app).catch(detectFailure(app)), actions.defaults(app ?? '.')]);
    let answers;
    try {
      answers = resolveAnswers({ ...input, detection, metadata: defaults.metadata, gitEmail: defaults.gitEmail, suggestedSecrets: defaults.suggestedSecrets });
    } catch (error) {
      if (error instanceof AnswerError) throw answerErrorToCli(error, answersPath);
      throw error;
    }
    const prepared = await actions.prepare(answers).catch(generateFailure);
    for (const message of warnings) warn(message);
    if (caBundle && answers.caCert === caBundle.path && caCert === undefined) {
      ctx.stderr.write(`note: the install steps trust the CA bundle ${caBundle.variable} names (${caBundle.path}) when it is passed as the build secret "ca"; --ca-cert none leaves it out\n`);
    }
    // No one to choose: the full rewrite.
    const retrofit = prepared.retrofit ? retrofitNotes(prepared.retrofit, prepared.retrofit.rewrite, 'rewrite') : [];
    for (const note of [...prepared.notes, ...retrofit]) ctx.stderr.write(`note: ${note}\n`);
    // Files kept unless chosen (a user's security.txt) stay kept: no one chose.
    const keep = new Set(prepared.keep ?? []);
    if (dryRun) {
      await printPlan(ctx, prepared.plan, true, keep);
      return 0;
    }
    // No one to ask: --yes means yes to replacing files too; every replaced file is backed up first.
    await actions.write(prepared.plan, { skip: keep, onStatus: (status) => printStatus(ctx, status) });
    return 0;
  }

  if (shell === 'plain' || !wizard) {
    const { runPlain } = await import('../prompts/plain.js');
    const result = await runPlain({ input, actions, app, dirLabel, theme, force: Boolean(options.force), stdin: ctx.stdin, stdout: ctx.stdout });
    if (result.kind === 'cancelled') throw new Cancelled();
    return 0;
  }
  const exit = await wizard.run({ input, actions, app });
  if (exit.kind === 'cancelled') throw new Cancelled();
  for (const message of warnings) warn(message);
  if (exit.handOver) return handOver(exit.handOver, ctx);
  return 0;
}

function detectFailure(app: string | undefined) {
  return (error: unknown): never => {
    if (error instanceof Error && error.constructor.name === 'UnknownAppError') {
      throw new UsageError(`no app at ${app}`, '--app', 'pass a folder listed by harden-init detect');
    }
    throw error;
  };
}

function generateFailure(error: unknown): never {
  if (error instanceof Error && error.constructor.name === 'GenerateError') {
    const { field, problem, fix } = error as Error & { field: string; problem: string; fix: string };
    throw new UsageError(`cannot generate: ${field} ${problem}`, undefined, fix);
  }
  throw error;
}

/**
 * Runs the command the user picked in the next-steps screen. It reports its own result (its output,
 * then one summary line), but the wizard succeeded whatever it finds: init still exits 0.
 */
async function handOver(argv: string[], ctx: CommandContext): Promise<number> {
  const { parseArgv } = await import('../cli/program.js');
  const command = `harden-init ${argv.join(' ')}`;
  ctx.stdout.write(`\n$ ${command}\n`);
  let code: number;
  try {
    const parsed = parseArgv(argv, ctx);
    code = parsed.kind === 'exit' ? parsed.exitCode : await parsed.def.run(parsed.args, parsed.options, parsed.ctx);
  } catch (error) {
    code = printError(error, ctx.debug, ctx.stderr);
  }
  const summary = nextStepSummary(command, code);
  ctx.stdout.write(`\n${paint(makeTheme(ctx.color), summary.token, summary.text)}\n`);
  return 0;
}

/** The line the wizard ends on after the next step it ran: that step's result, by its exit code. */
export function nextStepSummary(command: string, exitCode: number): { text: string; token: 'success' | 'warning' | 'error' } {
  const written = 'the files harden-init wrote are in place';
  if (exitCode === EXIT.ok) return { text: `✔ ${command}: done`, token: 'success' };
  if (exitCode === EXIT.findings) return { text: `! ${command}: found problems (exit 1, listed above); ${written}`, token: 'warning' };
  if (exitCode === EXIT.cancelled) return { text: `${command}: cancelled; ${written}`, token: 'warning' };
  return { text: `✗ ${command}: failed (exit ${exitCode}, see above); ${written}, run it again once that is fixed`, token: 'error' };
}
