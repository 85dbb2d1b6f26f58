import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { clock, type CommandContext } from '../cli/context.js';
import { Cancelled, CliError, InputError } from '../cli/errors.js';
import type { Engine } from '../docker/engine.js';
import type { LintConfig, LintFinding } from '../lint/index.js';
import { readStages } from '../scan/dockerfile-stages.js';
import type { ScanRecord } from '../scan/record.js';
import { applyPlan } from '../write/apply.js';
import { planWrites, statusLine } from '../write/plan.js';
import { fixableLintCodes, fixLintCodes, lintText } from './lint-bridge.js';
import { applyActions, planFixes } from './planner.js';
import { beforeAfter, renderManual, renderPlan } from './report.js';
import { lintKeys, scanKey, type BaseImageInfo, type Files, type FixAction } from './types.js';
import type { FindingCounts } from './ui/state.js';
import { nextTagInLine, smallerFlavor } from './versions.js';

/** Flags of `harden-init fix` (src/cli/commands/fix.ts). */
export interface FixOptions {
  yes?: boolean;
  dryRun?: boolean;
  /**
   * The built image to audit (and scan, when a scanner is on PATH), then rebuild and check again
   * after applying. Default: the tag `harden-init build` gives the app, when the engine has it.
   */
  image?: string;
  /** A Trivy/Grype/Scout/Snyk JSON report of the image, made elsewhere (CI): plan from its findings. */
  fromReport?: string;
}

const MANIFESTS = ['package.json', 'requirements.txt', 'yarn.lock'];

async function readFiles(root: string): Promise<Files> {
  const files: Record<string, string> = {};
  for (const name of ['Dockerfile', ...MANIFESTS]) {
    try {
      files[name] = await readFile(path.join(root, name), 'utf8');
    } catch {
      // absent: nothing to change there
    }
  }
  return files;
}

/** The app's `.hadolint.yaml`, as `harden-init lint` run in that folder reads it. */
async function lintConfig(root: string, ctx: CommandContext): Promise<LintConfig> {
  const { loadLintConfig, LintConfigFileError } = await import('../lint/config.js');
  try {
    return await loadLintConfig(root);
  } catch (error) {
    if (error instanceof LintConfigFileError) {
      throw new InputError(`bad lint config: ${error.reason}`, `${path.relative(ctx.cwd, error.file) || error.file}${error.key ? ` key ${error.key}` : ''}`, 'fix the value, then run harden-init fix again');
    }
    throw error;
  }
}

/** Splits `name[:tag][@digest]` as written in a FROM line. */
export function splitRef(written: string): { repository: string; tag: string | null; digest: string | null } {
  const [nameTag, digest] = written.split('@');
  const colon = nameTag.lastIndexOf(':');
  const hasTag = colon > nameTag.lastIndexOf('/');
  return { repository: hasTag ? nameTag.slice(0, colon) : nameTag, tag: hasTag ? nameTag.slice(colon + 1) : null, digest: digest ?? null };
}

/** Asks the registry about each external FROM image: its tags, and the digests of the candidates. */
async function baseInfo(dockerfile: string, notes: string[]): Promise<BaseImageInfo[]> {
  const { listTags, resolveDigest } = await import('../registry/index.js');
  const stages = readStages(dockerfile);
  const names = new Set(stages.map((s) => s.name).filter((n): n is string => n !== null));
  const infos: BaseImageInfo[] = [];
  for (const written of new Set(stages.map((s) => s.image))) {
    if (written === 'scratch' || names.has(written) || written.includes('$')) continue;
    const { repository, tag, digest } = splitRef(written);
    const info: BaseImageInfo = { written, repository, tag, digest, tags: [], currentDigest: null, candidateDigests: {} };
    try {
      info.tags = await listTags(`${repository}:${tag ?? 'latest'}`, { timeoutMs: 8000 });
      if (tag) info.currentDigest = await resolveDigest(`${repository}:${tag}`, { timeoutMs: 8000 });
      for (const choice of [tag ? nextTagInLine(tag, info.tags) : null, tag ? smallerFlavor(tag, info.tags) : null]) {
        if (choice && digest) info.candidateDigests[choice.tag] = await resolveDigest(`${repository}:${choice.tag}`, { timeoutMs: 8000 });
      }
    } catch (error) {
      notes.push(`cannot ask the registry about ${written} (${(error as Error).message.split('\n')[0]}): no base image update offered`);
    }
    infos.push(info);
  }
  return infos;
}

/** What the image says before or after the change: the built-in audit, and a scanner's CVEs (a scanner on PATH, or --from-report). */
interface ImageEvidence {
  /** null when the image could not be audited (no engine, no image). */
  audit: ScanRecord[] | null;
  /** null when no scanner ran and no report was given. */
  scan: ScanRecord[] | null;
  scanner: string | null;
}

function oneLine(error: unknown): string {
  return error instanceof CliError ? error.oneLine().replace(/^harden-init: /, '') : (error as Error).message.split('\n')[0];
}

async function connect(ctx: CommandContext): Promise<Engine | null> {
  const { Engine } = await import('../docker/engine.js');
  try {
    return await Engine.connect(ctx.env);
  } catch (error) {
    if (error instanceof CliError) return null;
    throw error;
  }
}

async function auditRecordsOf(engine: Engine, image: string, today: Date): Promise<ScanRecord[]> {
  const [{ auditImage }, { auditRecords }] = await Promise.all([import('../audit/run.js'), import('../scan/builtin.js')]);
  const report = await auditImage(engine, image, today);
  const info = await engine.inspectImage(image);
  return auditRecords(report.findings, image, info?.diffIds ?? []);
}

async function scannerRecords(image: string, ctx: CommandContext, notes: string[]): Promise<{ records: ScanRecord[]; scanner: string } | null> {
  const [{ SCANNERS, locateScanner }, { scan }] = await Promise.all([import('../scan/scanners.js'), import('../scan/run.js')]);
  for (const adapter of SCANNERS) {
    if (!(await locateScanner(adapter, ctx.env))) continue;
    try {
      const outcome = await scan(image, { scanner: adapter.name, format: 'json' }, ctx);
      return { records: outcome.records, scanner: adapter.title };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      notes.push(`no scan of ${image}: ${oneLine(error)}`);
      return null;
    }
  }
  return null;
}

async function imageEvidence(engine: Engine, image: string, ctx: CommandContext, notes: string[]): Promise<ImageEvidence | null> {
  let audit: ScanRecord[];
  try {
    audit = await auditRecordsOf(engine, image, clock(ctx.env));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    notes.push(`no audit of ${image}: ${oneLine(error)}`);
    return null;
  }
  const scanned = await scannerRecords(image, ctx, notes);
  return { audit, scan: scanned?.records ?? null, scanner: scanned?.scanner ?? null };
}

/** The findings of a saved scanner report (`--from-report`), as `harden-init scan --from-report` reads them. */
async function reportEvidence(file: string, ctx: CommandContext, notes: string[]): Promise<ImageEvidence> {
  const { scan } = await import('../scan/run.js');
  const outcome = await scan(undefined, { scanner: 'auto', format: 'json', fromReport: file }, ctx);
  notes.push(...outcome.notes);
  return { audit: null, scan: outcome.records, scanner: `the report ${file} (${outcome.scanner})` };
}

/** The image to check: --image, else the tag `harden-init build` gives this app when the engine has it. */
async function chooseImage(root: string, options: FixOptions, engine: Engine | null, notes: string[]): Promise<string | null> {
  if (options.image) {
    if (!engine) notes.push(`no Docker engine: ${options.image} not audited, rebuilt or scanned; only the Dockerfile is checked`);
    else if (!(await engine.inspectImage(options.image))) notes.push(`the engine has no image ${options.image}: build it first (harden-init build --tag ${options.image}); only the Dockerfile is checked`);
    else return options.image;
    return null;
  }
  if (!engine) return null;
  const [{ readBuildAnswers }, { defaultImageTag }] = await Promise.all([import('../docker/build-run.js'), import('../docker/image-tag.js')]);
  const answers = await readBuildAnswers(root).catch(() => null);
  const tag = defaultImageTag(answers?.title ?? path.basename(root));
  if (await engine.inspectImage(tag)) {
    notes.push(`auditing ${tag}, the image harden-init build made of this app (--image names another)`);
    return tag;
  }
  return null;
}

async function chooseInteractively(actions: FixAction[], before: FindingCounts, scanLabel: string, ctx: CommandContext): Promise<string[] | null> {
  const [{ render }, { createElement }, { FixApp }] = await Promise.all([import('ink'), import('react'), import('./ui/FixApp.js')]);
  let chosen: string[] | null = null;
  const instance = render(createElement(FixApp, { actions, before, scanLabel, color: ctx.color, onDone: (ids: string[] | null) => (chosen = ids) }), {
    stdin: ctx.stdin as NodeJS.ReadStream,
    stdout: ctx.stdout as NodeJS.WriteStream,
    exitOnCtrlC: true,
  });
  await instance.waitUntilExit();
  return chosen;
}

/** `harden-init fix [dir]`: plan, show, choose, apply with backups, then verify. */
export async function runFixCommand(dir: string, options: FixOptions, ctx: CommandContext): Promise<number> {
  const root = path.resolve(ctx.cwd, dir);
  const out = (line = '') => ctx.stdout.write(`${line}\n`);
  const files = await readFiles(root);
  if (files.Dockerfile === undefined) throw new InputError('no Dockerfile to fix', path.join(dir, 'Dockerfile'), 'run `harden-init` first to generate one, or pass the app folder');
  const config = await lintConfig(root, ctx);
  const today = clock(ctx.env);
  const lint = (text: string, file: string) => lintText(text, file, config, today);
  const notes: string[] = [];
  const lintBefore = lint(files.Dockerfile, 'Dockerfile');
  const engine = await connect(ctx);
  const image = await chooseImage(root, options, engine, notes);
  const fromImage = engine && image ? await imageEvidence(engine, image, ctx, notes) : null;
  const fromReport = options.fromReport ? await reportEvidence(options.fromReport, ctx, notes) : null;
  // A given report stands for the scan of the image as it is now; the audit still comes from the engine.
  const before: ImageEvidence | null = fromReport ? { ...fromReport, audit: fromImage?.audit ?? null } : fromImage;
  const bases = await baseInfo(files.Dockerfile, notes);
  const actions = planFixes({
    dockerfile: 'Dockerfile',
    files,
    lintFindings: lintBefore,
    fixableCodes: fixableLintCodes(),
    fixLint: (text, codes) => fixLintCodes(text, codes, config, today),
    lint,
    scanRecords: [...(before?.audit ?? []), ...(before?.scan ?? [])],
    bases,
    today,
  });
  for (const note of notes) out(`note: ${note}`);
  const safeIds = new Set(actions.filter((a) => a.safe).map((a) => a.id));
  const manual = renderManual(actions, lintBefore, [...(before?.audit ?? []), ...(before?.scan ?? [])]);

  let chosen: string[];
  if (options.dryRun || actions.length === 0) {
    out(renderPlan(actions, safeIds, true).trimEnd());
    for (const line of manual) out(line);
    if (options.dryRun && actions.length > 0) out('dry run: nothing written');
    return 0;
  }
  if (options.yes) chosen = [...safeIds];
  else if (ctx.stdin.isTTY && ctx.stdout.isTTY) {
    const imageCount = before ? (before.audit?.length ?? 0) + (before.scan?.length ?? 0) : null;
    const counts: FindingCounts = { lint: lintBefore.length, ...(imageCount !== null ? { scan: imageCount } : {}) };
    const picked = await chooseInteractively(actions, counts, before?.audit && before.scan ? 'image' : before?.audit ? 'audit' : 'scan', ctx);
    if (picked === null) throw new Cancelled();
    chosen = picked;
  } else {
    out(renderPlan(actions, safeIds, true).trimEnd());
    for (const line of manual) out(line);
    out('not a terminal: nothing applied; run `harden-init fix --yes` to apply the selected (safe) actions');
    return 0;
  }
  const selected = actions.filter((a) => chosen.includes(a.id));
  if (selected.length === 0) {
    out('no action selected: nothing written');
    return 0;
  }
  const after = applyActions(files, selected);
  const changed = Object.keys(after).filter((p) => after[p] !== files[p]).map((p) => ({ path: p, content: after[p] }));
  for (const a of selected) out(`apply      ${a.title}`);
  const statuses = await applyPlan(root, planWrites(changed, new Map(Object.entries(files))));
  for (const s of statuses) out(statusLine(s.verb, s.path, s.backup ? `-> ${s.backup}` : undefined));
  for (const a of selected) if (a.followUp) out(`then: ${a.followUp}`);

  return verify({ root, files: after, selected, lintBefore, lint, engine, image, before, ctx, out });
}

interface VerifyInput {
  root: string;
  files: Files;
  selected: FixAction[];
  lintBefore: LintFinding[];
  lint(text: string, file: string): LintFinding[];
  engine: Engine | null;
  image: string | null;
  before: ImageEvidence | null;
  ctx: CommandContext;
  out(line?: string): void;
}

/** Rebuilds the image from the app folder with BuildKit, as `harden-init build` does; returns why it failed, or null. */
async function rebuild(root: string, image: string, ctx: CommandContext): Promise<string | null> {
  const [{ buildImage, findDockerCli }, { readBuildAnswers, defaultSecretSource, stampArgs, caSecret }, { failedStep }, { caSecretSpec }] = await Promise.all([
    import('../docker/cli.js'),
    import('../docker/build-run.js'),
    import('../docker/progress.js'),
    import('../generate/ca.js'),
  ]);
  let cli;
  try {
    cli = await findDockerCli(ctx.env);
  } catch (error) {
    if (error instanceof CliError) return oneLine(error);
    throw error;
  }
  const answers = await readBuildAnswers(root).catch(() => null);
  const secrets = (answers?.buildSecrets ?? []).map((id) => defaultSecretSource(id, ctx.env, ctx.env.HOME ?? homedir(), existsSync)).filter((s): s is string => s !== null);
  // The rebuild trusts the CA bundle of the answers, as harden-init build does.
  const ca = answers ? caSecret(undefined, answers, root, ctx.cwd).file : null;
  if (ca) secrets.push(caSecretSpec(ca));
  const result = await buildImage(cli, { context: root, dockerfile: path.join(root, 'Dockerfile'), tags: [image], buildArgs: stampArgs(new Date().toISOString(), null), secrets }, ctx.env);
  if (result.ok) return null;
  const step = failedStep(result.progress);
  return step ? `at ${step.name}${step.error ? `: ${step.error.slice(0, 160)}` : ''}` : `docker build exited with ${result.exitCode}`;
}

/**
 * Re-lints always; with an image, rebuilds it and audits (and scans) it again. Exit 1 when a lint or
 * audit finding the plan promised to remove is still there; CVE findings only warn, since a fixed
 * version may not be published in every base yet.
 */
async function verify({ root, files, selected, lintBefore, lint, engine, image, before, ctx, out }: VerifyInput): Promise<number> {
  const promised = new Set(selected.flatMap((a) => a.removes));
  const lintAfter = lint(files.Dockerfile, 'Dockerfile');
  out(beforeAfter('lint', lintBefore.length, lintAfter.length));
  const lintLeft = [...new Set(lintKeys(lintAfter).filter((k) => promised.has(k)))];
  if (lintLeft.length > 0) out(`lint findings the plan promised to remove are still there: ${lintLeft.join(', ')}`);
  let kept = lintLeft.length === 0;
  const scanPromised = before?.scan ? new Set(before.scan.map((r) => scanKey(r.finding)).filter((k) => promised.has(k))).size : 0;
  if (!engine || !image || !before?.audit) {
    if (before?.scan) out(`scan   not repeated: rebuild the image and scan it again; the plan expects ${scanPromised} of its ${before.scan.length} finding(s) to go`);
    return kept ? 0 : 1;
  }

  out(`rebuilding ${image} ...`);
  const started = Date.now();
  const failure = await rebuild(root, image, ctx);
  if (failure) {
    out(`rebuild of ${image} failed (${failure}): not audited again; the backups are next to the changed files`);
    return 1;
  }
  out(`rebuilt ${image} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  const notes: string[] = [];
  const after = await imageEvidence(engine, image, ctx, notes);
  for (const note of notes) out(`note: ${note}`);
  if (!after) return 1;
  const auditAfter = after.audit ?? [];
  out(beforeAfter('audit', before.audit.length, auditAfter.length));
  const auditLeft = [...new Set(auditAfter.map((r) => scanKey(r.finding)).filter((k) => promised.has(k)))];
  if (auditLeft.length > 0) {
    out(`audit findings the plan promised to remove are still there: ${auditLeft.join(', ')}`);
    kept = false;
  }
  if (before.scan && after.scan) {
    out(beforeAfter('scan', before.scan.length, after.scan.length));
    const left = new Set(after.scan.map((r) => scanKey(r.finding)).filter((k) => promised.has(k)));
    if (left.size > 0) out(`${left.size} scan finding(s) the plan expected to remove remain (a newer base may not carry every fix yet)`);
  } else if (before.scan) {
    out(`scan   not repeated (no vulnerability scanner on PATH): scan ${image} again; the plan expects ${scanPromised} of its ${before.scan.length} finding(s) to go`);
  } else {
    out('scan   not run (no vulnerability scanner on PATH: install Trivy or Grype for CVE findings)');
  }
  return kept ? 0 : 1;
}
