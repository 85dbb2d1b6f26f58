// The `harden-init lint` command: reads files and config, lints or fixes, prints a report.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { clock, type CommandContext } from '../cli/context.js';
import { InputError, UsageError } from '../cli/errors.js';
import { LintConfigFileError, loadLintConfig } from './config.js';
import type { Threshold } from './config-schema.js';
import { fixDockerfile } from './fix.js';
import { isRuleName, LEVEL_ORDER, lintDockerfile } from './lint.js';
import { formatCheckstyle, formatGitlab, formatJson, formatSarif, formatTty } from './report/index.js';
import type { LintFinding } from './types.js';

export interface LintCommandOptions {
  format?: string;
  fix?: boolean;
  failureThreshold?: string;
  config?: string;
  ignore?: string[];
  trustedRegistry?: string[];
}

const FORMATS = ['tty', 'json', 'sarif', 'checkstyle', 'gitlab'];
const THRESHOLDS: Threshold[] = ['error', 'warning', 'info', 'style', 'none'];

/** Findings at or above the threshold make the command fail. */
export function failsThreshold(findings: LintFinding[], threshold: Threshold): boolean {
  if (threshold === 'none') return false;
  return findings.some((f) => LEVEL_ORDER[f.level] <= LEVEL_ORDER[threshold]);
}

function display(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative && !relative.startsWith('..') ? relative : file).split(path.sep).join('/');
}

/** `harden-init lint -` lints what comes on standard input, as hadolint does. */
const STDIN = '-';

async function readStdin(ctx: CommandContext): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** A file's text; a folder stands for the Dockerfile in it. */
function readTarget(absolute: string, cwd: string, implicit: boolean): { absolute: string; text: string } {
  const name = display(cwd, absolute);
  try {
    // Synchronous: many small files read faster without a round trip through the thread pool each.
    return { absolute, text: readFileSync(absolute, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      const inside = path.join(absolute, 'Dockerfile');
      if (existsSync(inside)) return readTarget(inside, cwd, false);
      throw new InputError(`cannot lint ${name}: a folder without a Dockerfile`, name, 'name the Dockerfile: harden-init lint path/to/Dockerfile');
    }
    const why = code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? 'error'})`;
    throw new InputError(`cannot lint ${name}: ${why}`, name, code === 'ENOENT' && implicit ? 'run in a folder with a Dockerfile or name the file: harden-init lint path/to/Dockerfile' : 'check the path and permissions');
  }
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

  const report =
    format === 'json'
      ? formatJson(all)
      : format === 'sarif'
        ? formatSarif(all)
        : format === 'checkstyle'
          ? formatCheckstyle(all, shown)
          : format === 'gitlab'
            ? formatGitlab(all)
            : formatTty(all, { color: ctx.color, files: shown });
  ctx.stdout.write(report);

  const malformed = all.find((f) => f.aliases.includes('DL1000'));
  if (malformed) throw new InputError(`malformed Dockerfile: ${malformed.message}`, `${malformed.file}:${malformed.line}`, 'fix the syntax so `docker build` can parse it');
  return failsThreshold(all, threshold) ? 1 : 0;
}
