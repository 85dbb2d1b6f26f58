// Bundles src/cli/main.ts into dist/. Dependencies stay external (installed by npm), except the
// argument parser, which every run needs: inlining it saves resolving and loading its files at start.
// Code splitting keeps lazy `import()`s lazy, so `--version` loads only the small entry chunk.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';

const BUNDLED = new Set(['commander']);
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/main.ts' },
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
