import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { defaultImageTag } from './image-tag.js';
import { workspaceRootOf } from '../generate/prepare.js';
import { CA_SECRET_ID, caSecretSpec } from '../generate/ca.js';
import { clock, type CommandContext } from '../cli/context.js';
import { EXIT, ExternalError, InputError, UsageError } from '../cli/errors.js';
import { DEFAULT_THRESHOLD, failing } from '../audit/audit.js';
import { renderTty } from '../audit/format.js';
import { formatSize } from '../audit/rules/keep-image-small.js';
import { auditImage } from '../audit/run.js';
import type { AuditReport } from '../audit/types.js';
import { caCertFlag, readableFile } from './ca-bundle.js';
import { buildImage, findDockerCli, type BuildResult } from './cli.js';
import { Engine } from './engine.js';
import { failedStep, isUserStep, type BuildProgress } from './progress.js';
import { smokeRun, type SmokeResult } from './smoke.js';

export interface BuildOptions {
  tag?: string;
  secrets: string[];
  /** `--ca-cert <file>`: the CA bundle passed as the secret "ca"; default: the answers' caCert when the file exists. */
  caCert?: string;
  run: boolean;
  json: boolean;
}

/** What `build` reads from `.harden-init.json` when it exists. */
export interface BuildAnswers {
  /** The app's path in its workspace ("." for a single app): the image is built from the workspace root. */
  app: string;
  buildSecrets: string[];
  port: number | null;
  writableDirs: string[];
  title: string | null;
  /** The CA bundle the answers name (relative paths are relative to the app), or null. */
  caCert: string | null;
}

export async function readBuildAnswers(dir: string): Promise<BuildAnswers> {
  const file = path.join(dir, '.harden-init.json');
  const empty: BuildAnswers = { app: '.', buildSecrets: [], port: null, writableDirs: [], title: null, caCert: null };
  if (!existsSync(file)) return empty;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`cannot read the answers: ${(error as Error).message.split('\n')[0]}`, path.relative(process.cwd(), file) || file, 'fix the JSON or re-run harden-init to write it again');
  }
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const image = (raw.image ?? {}) as { title?: unknown };
  return {
    app: typeof raw.app === 'string' && raw.app !== '' ? raw.app : '.',
    buildSecrets: strings(raw.buildSecrets),
    port: typeof raw.port === 'number' ? raw.port : null,
    writableDirs: strings(raw.writableDirs),
    title: typeof image.title === 'string' ? image.title : null,
    caCert: typeof raw.caCert === 'string' && raw.caCert !== '' ? raw.caCert : null,
  };
}

/**
 * The `--secret` spec of the CA bundle, or null, with the line that says where it came from:
 * the flag (which must name a readable file), else the answers' caCert when that file exists.
 */
export function caSecret(flag: string | undefined, answers: Pick<BuildAnswers, 'caCert'>, dir: string, cwd: string): { file: string | null; message: string | null } {
  if (flag !== undefined) return { file: caCertFlag(flag, cwd), message: null };
  if (answers.caCert === null) return { file: null, message: null };
  const file = path.resolve(dir, answers.caCert);
  const relative = path.relative(cwd, file);
  const shown = relative && !relative.startsWith('..') ? relative : file;
  if (!readableFile(file)) {
    return { file: null, message: `harden-init: the CA bundle ${shown} (caCert in .harden-init.json) cannot be read: building without it; pass --ca-cert <file>` };
  }
  return { file, message: `using the CA bundle ${shown} (caCert in .harden-init.json) as the build secret "${CA_SECRET_ID}"` };
}

/** `id=npmrc,src=~/.npmrc` -> its id; throws a UsageError naming the flag when malformed. */
export function secretId(spec: string): string {
  const id = /(?:^|,)id=([^,]+)/.exec(spec)?.[1];
  if (!id) throw new UsageError(`--secret ${spec} has no id`, '--secret', 'write it as --secret id=npmrc,src=$HOME/.npmrc');
  return id;
}

const WELL_KNOWN: Record<string, string> = { npmrc: '.npmrc', netrc: '.netrc', pypirc: '.pypirc', pip: '.config/pip/pip.conf', gitconfig: '.gitconfig', yarnrc: '.yarnrc.yml' };

/** Where a declared secret comes from when no --secret names it: an env var of that name, or the usual file in $HOME. */
export function defaultSecretSource(id: string, env: NodeJS.ProcessEnv, home: string, exists: (file: string) => boolean): string | null {
  const envName = id.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  if (env[id] !== undefined) return `id=${id},env=${id}`;
  if (env[envName] !== undefined) return `id=${id},env=${envName}`;
  const file = WELL_KNOWN[id] ? path.join(home, WELL_KNOWN[id]) : null;
  return file && exists(file) ? `id=${id},src=${file}` : null;
}

async function gitRevision(dir: string): Promise<string | null> {
  const { execa } = await import('execa');
  const result = await execa('git', ['rev-parse', 'HEAD'], { cwd: dir, reject: false });
  return result.exitCode === 0 ? String(result.stdout).trim() : null;
}

function defaultTag(dir: string, title: string | null): string {
  return defaultImageTag(title ?? path.basename(path.resolve(dir)));
}

/** Build args for the created/revision labels, in both spellings Dockerfiles use (ARG created, ARG CREATED). */
export function stampArgs(created: string, revision: string | null): Record<string, string> {
  return { created, CREATED: created, ...(revision ? { revision, REVISION: revision } : {}) };
}

function stepLine(step: BuildProgress['steps'][number]): string {
  const time = step.status === 'cached' ? 'cached' : step.elapsed !== null ? `${step.elapsed.toFixed(1)}s` : '';
  return `${step.status.padEnd(7)} ${time.padStart(7)}  ${step.name}`;
}

/** Plain progress for logs and CI: one line per step when it ends. */
function plainReporter(write: (text: string) => void) {
  const printed = new Set<number>();
  return (progress: BuildProgress) => {
    for (const step of progress.steps.filter(isUserStep)) {
      if (step.status === 'running' || printed.has(step.id)) continue;
      printed.add(step.id);
      write(`${stepLine(step)}\n`);
      if (step.status === 'error') for (const line of step.log.slice(-20)) write(`  | ${line}\n`);
    }
  };
}

export interface BuildOutcome {
  tag: string;
  build: BuildResult;
  audit: AuditReport | null;
  run: SmokeResult | null;
}

/** `harden-init build [dir]`: BuildKit build, audit, optional smoke run. */
export async function runBuildCommand(dirArg: string, options: BuildOptions, ctx: CommandContext): Promise<number> {
  const dir = path.resolve(ctx.cwd, dirArg);
  const dockerfile = path.join(dir, 'Dockerfile');
  if (!existsSync(dockerfile)) throw new InputError('no Dockerfile to build', path.relative(ctx.cwd, dockerfile) || 'Dockerfile', 'run harden-init first to generate one');
  const answers = await readBuildAnswers(dir);
  const named = new Set(options.secrets.map(secretId));
  const ca = named.has(CA_SECRET_ID) ? { file: null, message: null } : caSecret(options.caCert, answers, dir, ctx.cwd);
  const engine = await Engine.connect(ctx.env);
  const cli = await findDockerCli(ctx.env);
  const secrets = [...options.secrets];
  // Only a Dockerfile that mounts the secret can use it: harden-init writes the mounts when it knows of a CA.
  const mountsCa = new RegExp(`--mount=type=secret,(\\S*,)?id=${CA_SECRET_ID}\\b`).test(await readFile(dockerfile, 'utf8'));
  if (ca.file && mountsCa) secrets.push(caSecretSpec(ca.file));
  if (ca.message && mountsCa) (ca.file && !options.json ? ctx.stdout : ctx.stderr).write(`${ca.message}\n`);
  if (ca.file && !mountsCa && options.caCert !== undefined) {
    ctx.stderr.write(`harden-init: the Dockerfile mounts no secret "${CA_SECRET_ID}", so no step of it trusts ${options.caCert}: re-run harden-init with --ca-cert ${options.caCert} to wire it into the install steps\n`);
  }
  for (const id of answers.buildSecrets) {
    if (named.has(id)) continue;
    const source = defaultSecretSource(id, ctx.env, ctx.env.HOME ?? homedir(), existsSync);
    if (source) secrets.push(source);
    else ctx.stderr.write(`harden-init: build secret "${id}" has no source (.harden-init.json): pass --secret id=${id},src=<file>; building without it\n`);
  }
  const tag = options.tag ?? defaultTag(dir, answers.title);
  const revision = await gitRevision(dir);
  const request = { context: workspaceRootOf(dir, answers.app) ?? dir, dockerfile, tags: [tag], secrets, buildArgs: stampArgs(new Date().toISOString(), revision) };

  const tty = Boolean(ctx.stdout.isTTY) && !options.json;
  const ink = tty ? (await import('../ui/components/BuildProgress.js')).showBuildProgress(ctx, `building ${tag} with ${cli.mode === 'buildx' ? 'docker buildx' : 'BuildKit'}`) : null;
  const plain = !tty ? plainReporter((text) => (options.json ? ctx.stderr : ctx.stdout).write(text)) : null;
  let result: BuildResult;
  try {
    result = await buildImage(cli, request, ctx.env, (progress) => (ink ? ink.update(progress) : plain?.(progress)));
  } finally {
    await ink?.stop();
  }
  if (!result.ok) {
    const step = failedStep(result.progress);
    if (!step) for (const line of result.progress.errors.slice(-15)) ctx.stderr.write(`  ${line}\n`);
    throw new ExternalError(step ? `the build failed at ${step.name}${step.error ? ` (${step.error.slice(0, 160)})` : ''}` : `docker build exited with ${result.exitCode}`, path.relative(ctx.cwd, dockerfile) || 'Dockerfile', 'fix that step (its log is above) and run harden-init build again', EXIT.usage);
  }
  const image = await engine.inspectImage(result.imageId as string);
  const audit = await auditImage(engine, tag, clock(ctx.env));
  const run = options.run ? await smokeRun(engine, { image: tag, port: answers.port, writableDirs: answers.writableDirs }) : null;
  const auditFails = failing(audit.findings, DEFAULT_THRESHOLD).length > 0;

  if (options.json) {
    const digest = image?.repoDigests[0]?.split('@')[1] ?? null;
    const json = {
      image: tag,
      id: result.imageId,
      digest,
      size: image?.size ?? null,
      duration: Math.round(result.durationMs) / 1000,
      builder: cli.mode,
      caCert: mountsCa ? ca.file : null,
      steps: result.progress.steps.filter(isUserStep).map((s) => ({ name: s.name, status: s.status, elapsed: s.elapsed })),
      audit: { findings: audit.findings, layers: audit.layers, user: audit.user },
      ...(run ? { run: { ok: run.ok, readiness: run.readiness, uid: run.uid, seconds: run.seconds, cause: run.cause ?? null } } : {}),
    };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    ctx.stdout.write(`built ${tag} (${(result.imageId ?? '').replace(/^sha256:/, '').slice(0, 12)}), ${formatSize(image?.size ?? 0)} in ${(result.durationMs / 1000).toFixed(1)}s\n\n`);
    ctx.stdout.write(renderTty(audit, ctx.color));
    if (run) ctx.stdout.write(`\n${smokeLine(run)}\n`);
  }
  return auditFails || (run !== null && !run.ok) ? EXIT.findings : EXIT.ok;
}

export function smokeLine(run: SmokeResult): string {
  const as = run.uid === null ? 'an unknown uid' : run.uid === 0 ? 'uid 0 (root)' : `uid ${run.uid}`;
  const how = run.readiness === 'healthy' ? 'healthy' : run.readiness === 'port' ? 'answering on its port' : 'running';
  if (run.ok) return `smoke run: ${how} as ${as} after ${run.seconds}s (${run.flags.join(' ')})`;
  const logs = run.logs.trim().split('\n').slice(-10).map((line) => `  | ${line}`).join('\n');
  return `smoke run failed after ${run.seconds}s (${run.flags.join(' ')}): ${run.cause}${logs ? `\n${logs}` : ''}`;
}
