import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeCacheDir, KEPT_CACHES, requireWithCodeCache } from '../../src/cli/code-cache.js';

const root = mkdtempSync(path.join(tmpdir(), 'harden-init-code-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let made = 0;
/**
 * A CommonJS file with a function worth caching, in a folder of its own. V8 also keeps compiled
 * scripts in memory, by source and file name, and would then not look at a cache file at all: a
 * load that must read the cache file uses a copy of the same source under another folder (`again`).
 */
function bundle(): { file: string; cacheDir: string; again(): string } {
  const dir = path.join(root, String(made++));
  const text =
    `// ${dir}\nconst path = require('node:path');\n` +
    'function words(text) { return text.split(/\\s+/).filter(Boolean).length; }\n' +
    'module.exports = { words, base: path.basename(__filename), dir: __dirname, self: this === module.exports };\n';
  const write = (folder: string) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'lib-0123abcd.cjs'), text);
    return path.join(folder, 'lib-0123abcd.cjs');
  };
  let copies = 0;
  return { file: write(dir), cacheDir: path.join(dir, 'cache'), again: () => write(path.join(dir, `copy-${copies++}`)) };
}

type Lib = { words(text: string): number; base: string; dir: string; self: boolean };

describe('requireWithCodeCache', () => {
  it('runs the file as require would: module, exports, require, __filename, __dirname', () => {
    const { file } = bundle();
    const lib = requireWithCodeCache<Lib>(file, null);
    expect(lib.exports.words('a b  c')).toBe(3);
    expect(lib.exports).toMatchObject({ base: 'lib-0123abcd.cjs', dir: path.dirname(file), self: true });
    expect(lib.cache).toBe('off');
    expect(lib.cacheFile).toBeNull();
    lib.save();
  });

  it('writes the cache after the first run and hands it to V8 on the next', () => {
    const { file, cacheDir, again } = bundle();
    const first = requireWithCodeCache<Lib>(file, cacheDir);
    expect(first.cache).toBe('none');
    first.exports.words('compile me');
    first.save();
    expect(first.cacheFile).toBe(path.join(cacheDir, `lib-0123abcd.cjs-${process.version}-${process.platform}-${process.arch}.v8cache`));
    expect(statSync(first.cacheFile!).size).toBeGreaterThan(0);
    if (process.platform !== 'win32') {
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
      expect(statSync(first.cacheFile!).mode & 0o777).toBe(0o600);
    }
    const second = requireWithCodeCache<Lib>(again(), cacheDir);
    expect(second.cache).toBe('used');
    expect(second.exports.words('still right')).toBe(2);
    const written = statSync(second.cacheFile!).mtimeMs;
    second.save();
    expect(statSync(second.cacheFile!).mtimeMs).toBe(written);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('runs `prime` before writing a cache, and only then', () => {
    const { file, cacheDir, again } = bundle();
    const primed: string[] = [];
    requireWithCodeCache<Lib>(file, null).save(() => primed.push('off'));
    const first = requireWithCodeCache<Lib>(file, cacheDir);
    first.save(() => primed.push(first.cache));
    const second = requireWithCodeCache<Lib>(again(), cacheDir);
    second.save(() => primed.push(second.cache));
    expect(second.cache).toBe('used');
    expect(primed).toEqual(['none']);
  });

  it('a cache V8 will not take (damaged, or from another Node) is ignored, then written again', () => {
    const { file, cacheDir, again } = bundle();
    requireWithCodeCache<Lib>(file, cacheDir).save();
    const cacheFile = readdirSync(cacheDir).map((name) => path.join(cacheDir, name))[0];
    writeFileSync(cacheFile, Buffer.from('not a V8 code cache at all, just bytes'));
    const damaged = requireWithCodeCache<Lib>(again(), cacheDir);
    expect(damaged.cache).toBe('rejected');
    expect(damaged.exports.words('x y')).toBe(2);
    damaged.save();
    expect(requireWithCodeCache<Lib>(again(), cacheDir).cache).toBe('used');
  });

  it('a folder it cannot write costs only the cache: the run goes on and save() does not throw', () => {
    const { file, cacheDir } = bundle();
    // A file where the cache folder should be: no platform lets us create the folder.
    writeFileSync(cacheDir, 'in the way');
    const lib = requireWithCodeCache<Lib>(file, cacheDir);
    expect(lib.cache).toBe('none');
    expect(() => lib.save()).not.toThrow();
    expect(lib.exports.words('one')).toBe(1);
  });

  it(`keeps the ${KEPT_CACHES} newest caches in the folder, its own among them`, () => {
    const { file, cacheDir } = bundle();
    mkdirSync(cacheDir);
    const old = Date.now() / 1000 - 86_400;
    for (let i = 0; i < KEPT_CACHES + 2; i++) {
      const stale = path.join(cacheDir, `lint-old${i}.cjs-v20.0.0-linux-x64.v8cache`);
      writeFileSync(stale, 'old');
      utimesSync(stale, old + i, old + i);
    }
    writeFileSync(path.join(cacheDir, 'README'), 'not a cache: left alone');
    const lib = requireWithCodeCache<Lib>(file, cacheDir);
    lib.save();
    const left = readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
    expect(left).toHaveLength(KEPT_CACHES);
    expect(left).toContain(path.basename(lib.cacheFile!));
    // The newest of the old ones stay.
    expect(left).toContain(`lint-old${KEPT_CACHES + 1}.cjs-v20.0.0-linux-x64.v8cache`);
    expect(existsSync(path.join(cacheDir, 'README'))).toBe(true);
  });
});

describe('codeCacheDir', () => {
  it('is $XDG_CACHE_HOME/harden-init when that is an absolute path', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: '/var/cache/me', HOME: '/home/me' }, 'linux')).toBe(path.join('/var/cache/me', 'harden-init'));
  });
  it('else ~/.cache/harden-init (a relative XDG_CACHE_HOME is ignored, as the XDG spec says)', () => {
    expect(codeCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/me' }, 'linux')).toBe(path.join('/home/me', '.cache', 'harden-init'));
    expect(codeCacheDir({ HOME: '/Users/me' }, 'darwin')).toBe(path.join('/Users/me', '.cache', 'harden-init'));
  });
  it('is %LOCALAPPDATA%\\harden-init on Windows', () => {
    expect(codeCacheDir({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local', USERPROFILE: 'C:\\Users\\me' }, 'win32')).toBe(path.join('C:\\Users\\me\\AppData\\Local', 'harden-init'));
  });
  it('is null when no home can be named: no cache is kept', () => {
    expect(codeCacheDir({}, 'linux')).toBeNull();
  });
});
