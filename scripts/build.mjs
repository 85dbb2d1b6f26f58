// Bundles src/cli/main.ts into dist/. Dependencies stay external (installed by npm), except the
// CommonJS ones a common run loads: the argument parser, which every run needs; the Dockerfile
// parser (with its two small helper packages), which lint loads for every run; semver (47 files),
// which detection and the wizard load. Inlining them saves resolving and loading each file at
// start (about 12% of linting the corpus, a quarter of detecting an app).
// Code splitting keeps lazy `import()`s lazy, so `--version` loads only the small entry chunk.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { PARSER_HELPERS } from './parser-helpers.mjs';

const BUNDLED = new Set(['commander', 'dockerfile-ast', 'semver']);
// The wizard's screens: Ink and React (with the ~600 small files they import) are inlined into the
// chunks that render, as a fully bundled Ink app is, so the first frame waits for a few files
// instead. React runs its production build; Ink's devtools (DEV=true, which would read Ink's own
// package.json and import react-devtools-core, neither of them in the bundle) are left out.
const UI_BUNDLED = new Set(['ink', 'react', 'cli-spinners']);
const UI_BUILD = {
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.js' },
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [
    {
      name: 'ink-without-devtools',
      setup(build) {
        build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]utils\.js$/ }, () => ({ contents: 'export const isDev = () => false;', loader: 'js' }));
      },
    },
  ],
};
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name) && !UI_BUNDLED.has(name));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await mkdir(new URL('../dist', import.meta.url));

// The lint command and its workers as one CommonJS file, loaded through V8's code cache
// (src/cli/code-cache.ts). Its name carries a hash of its content, since V8 checks a cache only
// against the length of the source.
const lintBundle = await build({
  entryPoints: ['src/lint/bundle-entry.ts'],
  bundle: true,
  write: false,
  outfile: 'dist/lint.cjs',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  alias: PARSER_HELPERS,
  define: { 'import.meta.url': '__bundle_url' },
  banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});
const lintCode = lintBundle.outputFiles[0].contents;
// src/cli/code-cache.ts reads the bundle as Latin-1, which is right only for ASCII.
if (lintCode.some((byte) => byte > 0x7f)) throw new Error('the lint bundle is not ASCII: keep esbuild\'s charset at ascii');
// A vm.Script has no module loader: an import() left in the bundle would fail only when reached.
const dynamicImport = /\bimport\(\s*["'`][^"'`]*["'`]\s*\)/.exec(Buffer.from(lintCode).toString('utf8'));
if (dynamicImport) throw new Error(`the lint bundle calls ${dynamicImport[0]}: import the module statically, require it, or use process.getBuiltinModule`);
const lintBundleName = `lint-${createHash('sha256').update(lintCode).digest('hex').slice(0, 12)}.cjs`;
await writeFile(new URL(`../dist/${lintBundleName}`, import.meta.url), lintCode);

await build({
  // The lint worker is an entry of its own: worker threads start from a file (dist/lint-worker.js).
  entryPoints: { cli: 'src/cli/main.ts', 'lint-worker': 'src/lint/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  alias: { ...PARSER_HELPERS, ...UI_BUILD.alias },
  plugins: UI_BUILD.plugins,
  jsx: 'automatic',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __HARDEN_INIT_VERSION__: JSON.stringify(pkg.version), __LINT_BUNDLE__: JSON.stringify(lintBundleName), ...UI_BUILD.define },
  // The inlined parser is CommonJS and requires Node built-ins; give the ESM bundle a `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
