// Runs the lint command from its bundle, dist/lint-<hash>.cjs, with V8's code cache: a one-file lint
// is mostly start-up, and the cache saves compiling the parser and the rules on every run. From
// source (tests, no dist/) the same entry runs as plain modules.
import path from 'node:path';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CommandContext } from '../cli/context.js';
import type { Io } from '../cli/parse.js';
import { codeCacheDir, requireWithCodeCache, type CachedBundle } from '../cli/code-cache.js';
import type { LintBundle } from './bundle-entry.js';
import type { LintCommandOptions } from './run.js';

/** The bundle's file name (with its content hash), set by scripts/build.mjs. */
declare const __LINT_BUNDLE__: string;

/** The bundle beside this file's dist/ (this module may sit in dist/chunks/); null when running from source. */
export function lintBundleFile(): string | null {
  if (typeof __LINT_BUNDLE__ !== 'string') return null;
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.join(path.basename(here) === 'chunks' ? path.dirname(here) : here, __LINT_BUNDLE__);
}

export function loadLintBundle(file: string, env: NodeJS.ProcessEnv): CachedBundle<LintBundle> {
  return requireWithCodeCache<LintBundle>(file, codeCacheDir(env));
}

/** Runs `run` on the loaded bundle, then saves the code cache (the functions the run compiled). */
async function withBundle(file: string, env: NodeJS.ProcessEnv, debug: Writable | null, run: (bundle: LintBundle) => Promise<number>): Promise<number> {
  const bundle = loadLintBundle(file, env);
  debug?.write(`lint: code cache ${bundle.cache} (${bundle.cacheFile ?? 'no cache folder'})\n`);
  try {
    return await run(bundle.exports);
  } finally {
    bundle.save(() => bundle.exports.compileLinter());
  }
}

/** The lint command, once the full command line has parsed it (e.g. `harden-init --debug lint`). */
export async function runLintCommand(files: string[], options: LintCommandOptions, ctx: CommandContext): Promise<number> {
  const file = lintBundleFile();
  if (!file) return (await import('./bundle-entry.js')).runLintCommand(files, options, ctx);
  return withBundle(file, ctx.env, ctx.debug ? ctx.stderr : null, (bundle) => bundle.runLintCommand(files, options, ctx));
}

/**
 * `harden-init lint ...`, command line and all, from the bundle: null when running from source,
 * where the full command line parses it.
 */
export async function runLintCli(argv: string[], io: Io): Promise<number | null> {
  const file = lintBundleFile();
  if (!file) return null;
  return withBundle(file, io.env, argv.includes('--debug') ? io.stderr : null, (bundle) => bundle.runLintCli(argv, io));
}
