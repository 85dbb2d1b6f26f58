import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { Cancelled, CliError, InputError } from '../cli/errors.js';
import type { LintFinding } from '../lint/types.js';
import { readStages } from '../scan/dockerfile-stages.js';
import type { ScanRecord } from '../scan/record.js';
import { applyPlan } from '../write/apply.js';
import { planWrites, statusLine } from '../write/plan.js';
import { fixableLintCodes, fixLintCodes, lintText } from './lint-bridge.js';
import { applyActions, planFixes } from './planner.js';
import { beforeAfter, renderPlan } from './report.js';
import type { FindingCounts } from './ui/state.js';
import { lintKeys, scanKey, type BaseImageInfo, type Files, type FixAction } from './types.js';
import { nextTagInLine, smallerFlavor } from './versions.js';

/** Flags of `harden-init fix` (src/cli/commands/fix.ts). */
export interface FixOptions {
  yes?: boolean;
  dryRun?: boolean;
  /** Also scan this image, and rebuild + re-scan it after applying. */
  image?: string;
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

async function scanImage(image: string, ctx: CommandContext, notes: string[]): Promise<ScanRecord[] | null> {
  const { scan } = await import('../scan/run.js');
  try {
    const outcome = await scan(image, { scanner: 'auto', format: 'json' }, ctx);
    notes.push(...outcome.notes);
    return outcome.records;
  } catch (error) {
    if (error instanceof CliError) {
      notes.push(`no scan of ${image}: ${error.oneLine().replace(/^harden-init: /, '')}`);
      return null;
    }
    throw error;
  }
}

async function rebuild(root: string, image: string, ctx: CommandContext): Promise<string | null> {
  const { execa } = await import('execa');
  const docker = ctx.env.HARDEN_INIT_DOCKER ?? '/usr/bin/docker';
  const result = await execa(docker, ['build', '-q', '-t', image, root], { env: { ...ctx.env, DOCKER_BUILDKIT: '1' }, reject: false });
  if (result.exitCode !== 0) return String(result.stderr).trim().split('\n').slice(-2).join(' | ') || `exit ${result.exitCode}`;
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
  const notes: string[] = [];
  const lintBefore = lintText(files.Dockerfile, 'Dockerfile');
  const scanBefore = options.image ? await scanImage(options.image, ctx, notes) : null;
  const bases = await baseInfo(files.Dockerfile, notes);
  const actions = planFixes({
    dockerfile: 'Dockerfile',
    files,
    lintFindings: lintBefore,
    fixableCodes: fixableLintCodes(),
    fixLint: fixLintCodes,
    lint: lintText,
    scanRecords: scanBefore ?? [],
    bases,
  });
  for (const note of notes) out(`note: ${note}`);

  let chosen: string[];
  if (options.dryRun || actions.length === 0) {
    out(renderPlan(actions, new Set(actions.filter((a) => a.safe).map((a) => a.id)), true).trimEnd());
    if (options.dryRun && actions.length > 0) out('dry run: nothing written');
    return 0;
  }
  if (options.yes) chosen = actions.filter((a) => a.safe).map((a) => a.id);
  else if (ctx.stdin.isTTY && ctx.stdout.isTTY) {
    const picked = await chooseInteractively(actions, { lint: lintBefore.length, ...(scanBefore ? { scan: scanBefore.length } : {}) }, 'scan', ctx);
    if (picked === null) throw new Cancelled();
    chosen = picked;
  } else {
    out(renderPlan(actions, new Set(actions.filter((a) => a.safe).map((a) => a.id)), true).trimEnd());
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
  const statuses = await applyPlan(root, planWrites(changed, new Map(Object.entries(files))));
  for (const s of statuses) out(statusLine(s.verb, s.path, s.backup ? `-> ${s.backup}` : undefined));
  for (const a of selected) if (a.followUp) out(`then: ${a.followUp}`);

  return verify({ root, files: after, selected, lintBefore, scanBefore, options, ctx, out });
}

interface VerifyInput {
  root: string;
  files: Files;
  selected: FixAction[];
  lintBefore: LintFinding[];
  scanBefore: ScanRecord[] | null;
  options: FixOptions;
  ctx: CommandContext;
  out(line?: string): void;
}

/** Re-lints always; rebuilds and re-scans when there is an image to rebuild. Exit 1 when a promise is not kept. */
async function verify({ root, files, selected, lintBefore, scanBefore, options, ctx, out }: VerifyInput): Promise<number> {
  const promised = new Set(selected.flatMap((a) => a.removes));
  const lintAfter = lintText(files.Dockerfile, 'Dockerfile');
  out(beforeAfter('lint', lintBefore.length, lintAfter.length));
  const stillThere = lintKeys(lintAfter).filter((k) => promised.has(k));
  const kept = stillThere.length === 0;
  if (!kept) out(`lint findings the plan promised to remove are still there: ${[...new Set(stillThere)].join(', ')}`);
  if (options.image && scanBefore !== null) {
    const failure = await rebuild(root, options.image, ctx);
    if (failure) {
      out(`rebuild of ${options.image} failed (${failure}): scan not repeated; the backups are next to the changed files`);
      return 1;
    }
    const notes: string[] = [];
    const scanAfter = await scanImage(options.image, ctx, notes);
    if (scanAfter) {
      out(beforeAfter('scan', scanBefore.length, scanAfter.length));
      const left = new Set(scanAfter.map((r) => scanKey(r.finding)).filter((k) => promised.has(k)));
      if (left.size > 0) out(`${left.size} scan finding(s) the plan expected to remove remain (a newer base may not carry every fix yet)`);
    }
  } else if (options.image) {
    out('scan: not repeated (no scanner ran before the change)');
  }
  return kept ? 0 : 1;
}
