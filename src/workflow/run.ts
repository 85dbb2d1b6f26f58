import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommandContext } from '../cli/context.js';
import { EXIT, UsageError } from '../cli/errors.js';
import { backupFile, writeFileAtomic } from '../write/apply.js';
import { githubWorkflow, WORKFLOW_PATH, type WorkflowOptions } from './github.js';

declare const __HARDEN_INIT_VERSION__: string;
const VERSION = typeof __HARDEN_INIT_VERSION__ === 'string' ? __HARDEN_INIT_VERSION__ : '0.1.0';

export interface CiOptions {
  github?: boolean;
  image?: string;
  severity?: WorkflowOptions['severity'];
  dockerfile?: string;
  /** Print the workflow (and the diff from an existing one); write nothing. */
  dryRun?: boolean;
}

export type WriteStatus = 'create' | 'identical' | 'write';

type GithubWorkflowOptions = Omit<WorkflowOptions, 'version'> & { version?: string };

/** The GitHub workflow for `dir`, where it goes, and the one already there (null when none). */
async function planGithubWorkflow(dir: string, options: GithubWorkflowOptions): Promise<{ file: string; text: string; existing: string | null }> {
  const file = path.join(dir, WORKFLOW_PATH);
  const text = githubWorkflow({ ...options, version: options.version ?? VERSION });
  const existing = await readFile(file, 'utf8').catch(() => null);
  return { file, text, existing };
}

/** Writes the GitHub workflow into `dir` atomically, backing up a different existing one. */
export async function writeGithubWorkflow(dir: string, options: GithubWorkflowOptions): Promise<{ file: string; status: WriteStatus; backup: string | null }> {
  const { file, text, existing } = await planGithubWorkflow(dir, options);
  if (existing === text) return { file, status: 'identical', backup: null };
  const backup = existing === null ? null : path.join(dir, await backupFile(dir, WORKFLOW_PATH));
  await writeFileAtomic(file, text);
  return { file, status: existing === null ? 'create' : 'write', backup };
}

/** `harden-init ci --github [dir]`. */
export async function runCi(dir: string, options: CiOptions, ctx: CommandContext): Promise<number> {
  if (!options.github) throw new UsageError('choose the CI to write a workflow for', 'ci', 'pass --github');
  if (options.image && !/^[a-z0-9][a-z0-9._/:-]*$/.test(options.image)) {
    throw new UsageError(`"${options.image}" is not an image name`, '--image', 'use a lowercase name without tag, e.g. ghcr.io/acme/app');
  }
  const root = path.resolve(ctx.cwd, dir);
  const workflow = { image: options.image ?? null, severity: options.severity, dockerfile: options.dockerfile };
  if (options.dryRun) {
    const { text, existing } = await planGithubWorkflow(root, workflow);
    const { fileDiff } = await import('../write/diff.js');
    ctx.stdout.write(existing === null ? text : existing === text ? `identical  ${WORKFLOW_PATH}\n` : `${fileDiff(WORKFLOW_PATH, existing, text)}\n`);
    ctx.stdout.write('dry run: nothing written\n');
    return EXIT.ok;
  }
  const result = await writeGithubWorkflow(root, workflow);
  const rel = (file: string) => path.relative(ctx.cwd, file) || file;
  if (result.backup) ctx.stdout.write(`backup     ${rel(result.backup)}\n`);
  ctx.stdout.write(`${result.status.padEnd(10)} ${rel(result.file)}\n`);
  if (result.status !== 'identical') {
    ctx.stdout.write('Pull requests lint, verify base images, build and scan; pushes to main and v* tags also push, sign keyless and attest provenance.\n');
  }
  return EXIT.ok;
}
