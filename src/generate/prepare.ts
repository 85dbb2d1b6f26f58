import { readFile, readdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseImagesFor, generateFiles } from './index.js';
import { UsageError } from '../cli/errors.js';
import { resolveDigest } from '../registry/index.js';
import type { AppMetadataInput, GenerateContext, GenerateResult, TemplateSet } from './types.js';
import type { Answers } from '../questions/answers.js';
import { defaultExpires } from '../securitytxt/render.js';

export interface PrepareOptions {
  /** Templates that replace the built-in ones file by file (same relative paths). */
  templateDir?: string;
  /** Registry or mirror; default: the answers' `registry`. */
  registry?: string | null;
  /** Resolve digests; default: the answers' `pin`. */
  pin?: boolean;
  /** Per registry request, default 3000 ms. */
  timeoutMs?: number;
  /** Called once when pinning fails (offline, unknown tag). */
  onWarning?: (message: string) => void;
  /** Clock for the default security.txt expiry and the end-of-life checks; default: now. */
  now?: Date;
}

/** Folders never listed as repo files: dependencies, VCS and build output are large and irrelevant. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', 'target', 'vendor', '_build', 'deps', '.next', '.nuxt', 'dist', 'build', '.gradle', 'bin', 'obj']);
const MAX_FILES = 20_000;
/** Files whose text the generator reads (entry points, auth configs, build output settings). */
const TEXT_FILES = ['.npmrc', '.yarnrc.yml', 'go.mod', 'Cargo.toml', 'mix.exs', 'next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts'];

/** The package root: the nearest folder above this module with templates/ and package.json (src/ under vitest, dist/ bundled). */
export function packageRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'templates')) && existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`harden-init templates/ not found above ${from}`);
    dir = parent;
  }
}

async function walk(root: string, relative = '', out: string[] = [], skipDirs = SKIP_DIRS): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.join(root, relative), { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (out.length >= MAX_FILES) break;
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) await walk(root, rel, out, skipDirs);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      out.push(rel);
    }
  }
  return out;
}

/** Every `*.eta` below `dir`, keyed by its posix path relative to `dir`. */
export async function loadTemplates(dir: string): Promise<TemplateSet> {
  const files = (await walk(dir, '', [], new Set())).filter((file) => file.endsWith('.eta'));
  const set: TemplateSet = {};
  for (const file of files) set[file] = await readFile(path.join(dir, file), 'utf8');
  return set;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

async function appMetadata(dir: string, files: string[]): Promise<AppMetadataInput> {
  const meta: AppMetadataInput = { texts: {} };
  for (const name of TEXT_FILES) {
    if (!files.includes(name)) continue;
    const text = await readText(path.join(dir, name));
    if (text !== undefined) meta.texts![name] = text;
  }
  const pkg = await readText(path.join(dir, 'package.json'));
  if (pkg) {
    try {
      const json = JSON.parse(pkg) as { name?: string; scripts?: Record<string, string>; packageManager?: string };
      if (typeof json.name === 'string') meta.name = json.name.replace(/^@[^/]+\//, '');
      if (json.scripts && typeof json.scripts === 'object') meta.scripts = json.scripts;
      if (typeof json.packageManager === 'string') meta.packageManager = json.packageManager;
    } catch {
      // A broken package.json is detection's to report; the generator only loses `npm start` resolution.
    }
  }
  const cargo = meta.texts!['Cargo.toml'];
  const crate = cargo ? /^\[package\][^[]*?^name\s*=\s*"([^"]+)"/m.exec(cargo) : null;
  if (crate) meta.name = crate[1];
  const mix = meta.texts!['mix.exs'];
  const release = mix ? /app:\s*:([a-z_][a-z0-9_]*)/.exec(mix) : null;
  if (release) meta.name = release[1];
  const gomod = meta.texts!['go.mod'];
  const module = gomod ? /^module\s+(\S+)/m.exec(gomod) : null;
  if (module && !meta.name) meta.name = module[1].split('/').pop();
  return meta;
}

type AppContext = Pick<GenerateContext, 'repoFiles' | 'gitignore' | 'appMetadata' | 'workspaceApp'>;

/**
 * The app's file list (dependency and build folders skipped), .gitignore and metadata; `exclude`
 * drops top-level names. With `app` (a pnpm workspace member of the repo at `dir`), the files are
 * the whole workspace's, since the image is built from its root, and the metadata is the app's.
 */
export async function readAppContext(dir: string, exclude: string[] = [], app = '.'): Promise<AppContext> {
  const repoFiles = (await walk(dir)).filter((file) => !exclude.includes(file.split('/')[0]));
  const gitignore = await readText(path.join(dir, '.gitignore'));
  if (app === '.') return { repoFiles, gitignore, appMetadata: await appMetadata(dir, repoFiles) };
  const prefix = `${app}/`;
  const meta = await appMetadata(path.join(dir, app), repoFiles.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length)));
  meta.packageManager ??= (await appMetadata(dir, [])).packageManager;
  return { repoFiles, gitignore, appMetadata: meta, workspaceApp: app };
}

/** The root of the pnpm workspace that `appDir` is the member `app` of, or null; its images are built from there. */
export function workspaceRootOf(appDir: string, app: string): string | null {
  if (app === '.' || app === '') return null;
  const member = path.normalize(app).replace(/[/\\]+$/, '');
  const resolved = path.resolve(appDir);
  if (!resolved.endsWith(`${path.sep}${member}`)) return null;
  const root = resolved.slice(0, -(member.length + 1));
  return existsSync(path.join(root, 'pnpm-workspace.yaml')) ? root : null;
}

/**
 * Reads what the generator needs from `dir` (file list, .gitignore, metadata, templates),
 * resolves base image digests unless pinning is off, then generates. Missing security.expires
 * gets the default (one year minus a day from now), so the saved answers replay exactly.
 */
export async function prepareGeneration(dir: string, answers: Answers, options: PrepareOptions = {}): Promise<GenerateResult> {
  const builtIn = path.join(packageRoot(), 'templates');
  const templates = await loadTemplates(builtIn);
  if (options.templateDir) {
    if (!(await stat(options.templateDir).catch(() => null))?.isDirectory()) {
      throw new UsageError(`${options.templateDir} is not a directory`, '--template-dir', 'give a folder laid out like templates/ (<stack>/Dockerfile.eta, _partials/)');
    }
    Object.assign(templates, await loadTemplates(options.templateDir));
  }
  const registry = options.registry !== undefined ? options.registry : answers.registry;
  const today = options.now ?? new Date();
  const pin = options.pin ?? answers.pin;
  const effective: Answers = {
    ...answers,
    registry,
    pin,
    security: { ...answers.security, expires: answers.security.expires ?? defaultExpires(today) },
  };
  const root = workspaceRootOf(dir, answers.app);
  const context = { ...(root ? await readAppContext(root, [], path.relative(root, path.resolve(dir)).split(path.sep).join('/')) : await readAppContext(dir)), today };
  const pins: Record<string, string> = {};
  let pinSkipped: 'no-pin' | 'offline' | null = pin ? null : 'no-pin';
  if (pin) {
    const refs = baseImagesFor(effective, context);
    const results = await Promise.allSettled(refs.map((ref) => resolveDigest(ref, { registry, timeoutMs: options.timeoutMs ?? 3000 })));
    const failures: string[] = [];
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') pins[refs[i]] = result.value;
      else failures.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
    });
    if (failures.length) {
      pinSkipped = 'offline';
      options.onWarning?.(`could not pin ${failures.length} base image(s) to a digest, keeping tags: ${failures[0]}`);
    }
  }
  return generateFiles(effective, { templates, pins, ...context, pinSkipped });
}
