// The `harden-init lint` command: reads files and config, lints or fixes, prints a report.
import path from 'node:path';
import { clock, type CommandContext } from '../cli/context.js';
import { InputError, UsageError } from '../cli/errors.js';
import { LintConfigFileError, loadLintConfig } from './config.js';
import type { Threshold } from './config-schema.js';
import { fixDockerfile } from './fix.js';
import { isRuleName, LEVEL_ORDER, lintDockerfile } from './lint.js';
import { lintFiles, lintThreads } from './parallel.js';
import { formatJson } from './report/json.js';
import { formatTty } from './report/tty.js';
import { display, readTarget, STDIN } from './targets.js';
import type { LintFinding } from './types.js';

export interface LintCommandOptions {
  format?: string;
  fix?: boolean;
  failureThreshold?: string;
  config?: string;
  ignore?: string[];
  trustedRegistry?: string[];
  /** Threads to lint on (`--jobs`); default: see lintThreads. */
  jobs?: string;
}

const FORMATS = ['tty', 'json', 'sarif', 'checkstyle', 'gitlab'];
const THRESHOLDS: Threshold[] = ['error', 'warning', 'info', 'style', 'none'];

/** Findings at or above the threshold make the command fail. */
export function failsThreshold(findings: LintFinding[], threshold: Threshold): boolean {
  if (threshold === 'none') return false;
  return findings.some((f) => LEVEL_ORDER[f.level] <= LEVEL_ORDER[threshold]);
}

async function readStdin(ctx: CommandContext): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** The report in `format`. The SARIF, Checkstyle and GitLab writers load only for their format: a one-file lint's start-up is most of its time. */
async function formatReport(format: string, findings: LintFinding[], files: string[], color: boolean): Promise<string> {
  if (format === 'json') return formatJson(findings);
  if (format === 'sarif') return (await import('./report/sarif.js')).formatSarif(findings);
  if (format === 'checkstyle') return (await import('./report/checkstyle.js')).formatCheckstyle(findings, files);
  if (format === 'gitlab') return (await import('./report/gitlab.js')).formatGitlab(findings);
  return formatTty(findings, { color, files });
}

export async function runLint(files: string[], options: LintCommandOptions, ctx: CommandContext): Promise<number> {
  const format = options.format ?? 'tty';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}"`, '--format', `use one of ${FORMATS.join(', ')}`);
  if (options.failureThreshold !== undefined && !THRESHOLDS.includes(options.failureThreshold as Threshold)) {
    throw new UsageError(`unknown level "${options.failureThreshold}"`, '--failure-threshold', `use one of ${THRESHOLDS.join(', ')}`);
  }
  let config;
  try {
    config = await loadLintConfig(ctx.cwd, options.config);
  } catch (error) {
    if (error instanceof LintConfigFileError) {
      throw new InputError(`bad lint config: ${error.reason}`, `${display(ctx.cwd, error.file)}${error.key ? ` key ${error.key}` : ''}`, 'fix the value or pass another file with --config');
    }
    throw error;
  }
  // hadolint's own names (DL, and SC for its shellcheck pass) are taken even without a rule here, so its users' scripts keep working.
  const unknown = options.ignore?.find((name) => !isRuleName(name) && !/^(DL|SC)\d{4}$/i.test(name.trim()));
  if (unknown) throw new UsageError(`no rule is called "${unknown}"`, '--ignore', 'use a rule id (HI401), its name (copy-not-add) or an alias (DL3020, DS-0005)');
  if (options.trustedRegistry?.length) config = { ...config, trustedRegistries: [...config.trustedRegistries, ...options.trustedRegistry] };
  if (options.ignore?.length) config = { ...config, ignored: [...config.ignored, ...options.ignore] };
  const threshold = (options.failureThreshold as Threshold | undefined) ?? config.failureThreshold;
  const targets = files.length ? files : ['Dockerfile'];
  const today = clock(ctx.env);
  const all: LintFinding[] = [];
  const shown: string[] = [];
  // Diffs go to stdout for people, to stderr when stdout carries a machine-readable report.
  const diffOut = format === 'tty' ? ctx.stdout : ctx.stderr;

  if (options.fix && targets.includes(STDIN)) throw new UsageError('--fix cannot rewrite standard input', '--fix', 'name the Dockerfile to fix: harden-init lint --fix path/to/Dockerfile');
  const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs takes a whole number of threads, not "${options.jobs}"`, '--jobs', 'pass 1 or more, e.g. --jobs 2');

  // --fix and standard input go one file at a time, in order; plain linting may share the files out.
  const sequential = options.fix || targets.includes(STDIN);
  if (!sequential) {
    const threads = lintThreads(targets.length, jobs, () => process.getBuiltinModule('node:os').availableParallelism());
    const started = ctx.debug ? { wall: process.hrtime.bigint(), cpu: process.cpuUsage() } : null;
    const run = await lintFiles(targets.map((target) => ({ target, implicit: files.length === 0 })), threads, { cwd: ctx.cwd, config, today });
    if (started && targets.length > 1) {
      // The whole process's CPU time, V8's compiler and garbage collector threads included: what --jobs competes with.
      const { user, system } = process.cpuUsage(started.cpu);
      const seconds = (ms: number) => (ms / 1000).toFixed(2);
      ctx.stderr.write(`lint: ${targets.length} files on ${run.threads} thread${run.threads === 1 ? '' : 's'}, ${seconds((user + system) / 1000)} s of CPU in ${seconds(Number(process.hrtime.bigint() - started.wall) / 1e6)} s\n`);
    }
    for (const result of run.results) {
      if ('error' in result) throw new InputError(result.error.what, result.error.where, result.error.fix);
      all.push(...result.findings);
      shown.push(result.name);
    }
  } else {
    for (const target of targets) {
      if (target === STDIN) {
        all.push(...lintDockerfile(await readStdin(ctx), { file: STDIN, config, today }));
        shown.push(STDIN);
        continue;
      }
      const { absolute, text: read } = readTarget(path.resolve(ctx.cwd, target), ctx.cwd, files.length === 0);
      const name = display(ctx.cwd, absolute);
      let text = read;
      if (options.fix) {
        const result = fixDockerfile(text, { config, today });
        if (result.text !== text) {
          // Loaded only for --fix: the diff library is not needed to lint.
          const [{ backupFile, writeFileAtomic }, { fileDiff }] = await Promise.all([import('../write/apply.js'), import('../write/diff.js')]);
          const backup = await backupFile(path.dirname(absolute), path.basename(absolute));
          await writeFileAtomic(absolute, result.text);
          diffOut.write(`${fileDiff(name, text, result.text)}\n`);
          diffOut.write(`fixed ${result.applied.length} finding${result.applied.length === 1 ? '' : 's'} in ${name} (backup: ${display(ctx.cwd, path.join(path.dirname(absolute), backup))})\n`);
          text = result.text;
        } else {
          diffOut.write(`nothing to fix safely in ${name}\n`);
        }
      }
      all.push(...lintDockerfile(text, { file: name, config, today }));
      shown.push(name);
    }
  }

  ctx.stdout.write(await formatReport(format, all, shown, ctx.color));

  const malformed = all.find((f) => f.aliases.includes('DL1000'));
  if (malformed) throw new InputError(`malformed Dockerfile: ${malformed.message}`, `${malformed.file}:${malformed.line}`, 'fix the syntax so `docker build` can parse it');
  return failsThreshold(all, threshold) ? 1 : 0;
}
