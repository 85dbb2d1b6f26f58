// Runs every bench/*.mjs case (each prints its own ratio lines). `npm run bench [name...]`.
import { readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './lib.mjs';

const only = process.argv.slice(2);
const cases = (await readdir(path.join(repoRoot, 'bench')))
  .filter((name) => name.endsWith('.mjs') && !['run.mjs', 'lib.mjs'].includes(name))
  .filter((name) => only.length === 0 || only.includes(name.replace(/\.mjs$/, '')))
  .sort();
let failed = 0;
for (const name of cases) {
  console.log(`# ${name.replace(/\.mjs$/, '')}`);
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bench', name)], { stdio: 'inherit', cwd: repoRoot });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
