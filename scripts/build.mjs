// Bundles src/cli/main.ts into dist/. Dependencies stay external (installed by npm), except the
// argument parser, which every run needs, and the Dockerfile parser (with its two small helper
// packages), which lint loads for every run: inlining them saves resolving and loading dozens of
// CommonJS files at start (about 12% of linting the corpus).
// Code splitting keeps lazy `import()`s lazy, so `--version` loads only the small entry chunk.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const BUNDLED = new Set(['commander', 'dockerfile-ast']);
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The lint worker is an entry of its own: worker threads start from a file (dist/lint-worker.js).
  entryPoints: { cli: 'src/cli/main.ts', 'lint-worker': 'src/lint/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name)),
  jsx: 'automatic',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __HARDEN_INIT_VERSION__: JSON.stringify(pkg.version) },
  // The inlined parser is CommonJS and requires Node built-ins; give the ESM bundle a `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
