// The only part of detection that touches the disk: a read-only, bounded view of a repository.
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RepoSnapshot } from './types.js';

/** Directories never walked: dependencies, build output, VCS data, virtualenvs, caches. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', 'vendor', 'target', 'dist', '.venv', 'venv', '__pycache__',
  '.next', '.nuxt', '.svelte-kit', '.turbo', '.yarn', '.pnpm-store', '.cache', '.gradle', '.idea', '_build', 'deps',
  '.mypy_cache', '.pytest_cache', '.tox', 'coverage', '.terraform',
]);

export interface SnapshotOptions {
  /** Stop listing after this many files (default 50,000); a note says so. */
  maxFiles?: number;
  /** Do not descend deeper than this many directories (default 10). */
  maxDepth?: number;
}

const DEFAULT_MAX_BYTES = 512 * 1024;

interface IgnoreRule {
  base: string;
  ignores(relative: string): boolean;
}

type IgnoreFactory = () => { add(patterns: string): unknown; ignores(path: string): boolean };

let ignoreFactory: IgnoreFactory | undefined;
function loadIgnore(): IgnoreFactory {
  // `ignore` is loaded on the first .gitignore only, so repos without one start faster.
  ignoreFactory ??= createRequire(import.meta.url)('ignore') as IgnoreFactory;
  return ignoreFactory;
}

/**
 * Lists a repository without following symlinks out of it, without entering SKIPPED_DIRS or
 * anything a .gitignore ignores, and returns a reader limited to the listed files.
 */
export async function readRepoSnapshot(dir: string, options: SnapshotOptions = {}): Promise<RepoSnapshot> {
  const root = path.resolve(dir);
  const realRoot = realpathSync(root);
  if (!statSync(realRoot).isDirectory()) throw Object.assign(new Error(`not a directory: ${dir}`), { code: 'ENOTDIR' });
  const maxFiles = options.maxFiles ?? 50_000;
  const maxDepth = options.maxDepth ?? 10;
  const files: string[] = [];
  const ignoredFiles: string[] = [];
  const notes: string[] = [];
  const rules: IgnoreRule[] = [];
  let full = false;

  const isIgnored = (rel: string, isDir: boolean): boolean => {
    for (const rule of rules) {
      if (rule.base !== '' && !rel.startsWith(`${rule.base}/`)) continue;
      const local = rule.base === '' ? rel : rel.slice(rule.base.length + 1);
      try {
        if (rule.ignores(isDir ? `${local}/` : local)) return true;
      } catch {
        // A name the matcher cannot take (it rejects some odd paths) is simply not ignored.
      }
    }
    return false;
  };

  const inside = (target: string) => target === realRoot || target.startsWith(realRoot + path.sep);

  const walk = (relDir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(relDir ? path.join(realRoot, relDir) : realRoot, { withFileTypes: true });
    } catch {
      notes.push(`could not read directory ${relDir || '.'}`);
      return;
    }
    if (entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        const text = readBounded(path.join(realRoot, relDir, '.gitignore'), 256 * 1024);
        const ig = loadIgnore()();
        ig.add(text);
        rules.push({ base: relDir, ignores: (p) => ig.ignores(p) });
      } catch {
        notes.push(`could not read ${join(relDir, '.gitignore')}`);
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const rel = join(relDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path.join(realRoot, rel));
        } catch {
          continue;
        }
        if (!inside(target)) {
          notes.push(`skipped ${rel}: a symlink to outside the repository`);
          continue;
        }
        // Links to directories inside the repo are skipped: their target is listed where it lives.
        isDir = false;
        try {
          isFile = statSync(target).isFile();
        } catch {
          isFile = false;
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name) || isIgnored(rel, true)) continue;
        subdirs.push(rel);
      } else if (isFile) {
        if (isIgnored(rel, false)) {
          ignoredFiles.push(rel);
          continue;
        }
        if (files.length >= maxFiles) {
          full = true;
          continue;
        }
        files.push(rel);
      }
    }
    if (depth >= maxDepth) return;
    for (const sub of subdirs) {
      if (full) return;
      walk(sub, depth + 1);
    }
  };

  walk('', 0);
  if (full) notes.push(`listed the first ${maxFiles} files only`);
  files.sort();

  const listed = new Set(files);
  const cache = new Map<string, string | null>();
  return {
    root,
    files,
    ignoredFiles,
    notes,
    read(file: string, maxBytes = DEFAULT_MAX_BYTES): string | null {
      if (!listed.has(file)) return null;
      const key = `${maxBytes}:${file}`;
      if (cache.has(key)) return cache.get(key) ?? null;
      let text: string | null;
      try {
        const real = realpathSync(path.join(realRoot, file));
        text = inside(real) ? readBounded(real, maxBytes) : null;
      } catch {
        text = null;
      }
      cache.set(key, text);
      return text;
    },
  };
}

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

function readBounded(file: string, maxBytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const size = Math.min(fstatSync(fd).size, maxBytes);
    const buffer = Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const read = readSync(fd, buffer, length, size - length, null);
      if (read === 0) break;
      length += read;
    }
    const text = buffer.toString('utf8', 0, length);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}
