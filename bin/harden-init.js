#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (existsSync(bundle)) {
  const { main } = await import(bundle.href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  // A clone installed with --ignore-scripts (or never installed) has no bundle yet.
  const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
  process.stderr.write(`harden-init: the CLI is not built (no dist/cli.js in ${root}): run \`npm install\` or \`npm run build\` there\n`);
  process.exitCode = 3;
}
