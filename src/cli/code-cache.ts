// Loads one of our CommonJS bundles with V8's code cache: the bytecode of the functions a run used
// is saved after the run and handed back to V8 on the next, which then skips compiling them.
// Node 22 does this for every module (module.enableCompileCache); Node 20 has only vm.Script.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export interface CachedBundle<T> {
  exports: T;
  /** How V8 took the cache: `used`, `rejected` (another Node, other flags), `none` (no file yet) or `off` (no cache folder). */
  cache: 'used' | 'rejected' | 'none' | 'off';
  /** Where the cache is read and written; null when off. */
  cacheFile: string | null;
  /**
   * Writes the cache when it was missing or rejected; call after the run, so it holds what the run
   * compiled. `prime` runs first, only when the cache is written: it compiles what a run needs
   * whatever this run did (one that failed early compiled little), since a cache V8 takes is
   * never written again. Never throws.
   */
  save(prime?: () => void): void;
}

/**
 * The folder for code caches: `$XDG_CACHE_HOME/harden-init`, else `~/.cache/harden-init`
 * (`%LOCALAPPDATA%\harden-init` on Windows); null when none can be named. It is the user's own
 * folder, not the shared temp folder: a cache is code V8 runs without compiling it again.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string | null {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'harden-init');
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'harden-init');
  const home = env.HOME ?? env.USERPROFILE;
  return home && path.isAbsolute(home) ? path.join(home, '.cache', 'harden-init') : null;
}

/**
 * Runs the CommonJS file `file` as `require` would, with its code cache from `cacheDir` (none when
 * null). The file must be ASCII (esbuild escapes everything else) and must not call `import()`,
 * which a vm.Script has no loader for: scripts/build.mjs checks both. V8 checks a cache only against
 * the source's length, so the file's name must change with its content: ours carry a content hash
 * (dist/lint-<hash>.cjs). The cache is also named by the Node version and platform; V8 rejects one
 * from other flags, and it is then written again.
 */
export function requireWithCodeCache<T>(file: string, cacheDir: string | null): CachedBundle<T> {
  // ASCII, so Latin-1 reads it right and V8 takes the bytes as they are, with no UTF-8 decoding.
  const source = readFileSync(file, 'latin1');
  const cacheFile = cacheDir ? path.join(cacheDir, `${path.basename(file)}-${process.version}-${process.platform}-${process.arch}.v8cache`) : null;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet (or unreadable): compile as usual and write one after the run.
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  const cache = !cacheFile ? 'off' : cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return {
    exports: module.exports,
    cache,
    cacheFile,
    save(prime) {
      if (!cacheFile || cache === 'used') return;
      // Another run may write the same file at the same time: each writes its own and renames it in place.
      const partial = `${cacheFile}.${process.pid}.partial`;
      let fd: number | null = null;
      try {
        mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
        // Opened before the cache is made: a folder we cannot write costs no serialising.
        fd = openSync(partial, 'w', 0o600);
        prime?.();
        writeFileSync(fd, script.createCachedData());
        closeSync(fd);
        fd = null;
        renameSync(partial, cacheFile);
        pruneCaches(path.dirname(cacheFile));
      } catch {
        // A read-only home or a full disk only costs the next run its start-up time.
        try {
          if (fd !== null) closeSync(fd);
          rmSync(partial, { force: true });
        } catch {
          // Nothing more to tidy.
        }
      }
    },
  };
}

/** Caches kept in the folder: one per version of ours and of Node in use, so upgrades do not pile up. */
export const KEPT_CACHES = 4;

/** Deletes the oldest `*.v8cache` files beyond the newest KEPT_CACHES. */
function pruneCaches(dir: string): void {
  const caches = readdirSync(dir)
    .filter((name) => name.endsWith('.v8cache'))
    .map((name) => ({ file: path.join(dir, name), mtime: statSync(path.join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { file } of caches.slice(KEPT_CACHES)) unlinkSync(file);
}
