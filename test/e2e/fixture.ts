import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A small Node app, as a user would run harden-init on it. */
export async function makeNodeApp(options: { author?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'harden-init-app-'));
  const pkg: Record<string, unknown> = {
    name: 'fixture-shop',
    version: '1.2.3',
    description: 'A tiny shop',
    license: 'MIT',
    engines: { node: '>=22' },
    scripts: { start: 'node server.js' },
    dependencies: {},
  };
  if (options.author !== false) pkg.author = 'Shop Team <security@shop.example>';
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  await writeFile(
    path.join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'fixture-shop', version: '1.2.3', lockfileVersion: 3, requires: true, packages: { '': { name: 'fixture-shop', version: '1.2.3' } } }, null, 2)}\n`,
  );
  await writeFile(path.join(dir, 'server.js'), "require('node:http').createServer((q, s) => s.end('ok')).listen(3000);\n");
  return dir;
}

/**
 * A plain Express app as `npm init` and the Express guide leave it: no engines field, a start
 * script, a listen call with a PORT fallback. `build` adds a build script; `dependencies: false`
 * leaves express out of package.json, so `npm ci` in an image build needs no network.
 */
export async function makeExpressApp(options: { build?: string; dependencies?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'harden-init-express-'));
  const scripts: Record<string, string> = { start: 'node app.js' };
  if (options.build) scripts.build = options.build;
  const dependencies = options.dependencies === false ? {} : { express: '^4.21.2' };
  const pkg = { name: 'express-shop', version: '1.0.0', description: 'A small Express shop', author: 'Shop Team <security@shop.example>', license: 'ISC', main: 'app.js', scripts, dependencies };
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const lock = { name: 'express-shop', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'express-shop', version: '1.0.0', license: 'ISC' } } };
  await writeFile(path.join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
  await writeFile(
    path.join(dir, 'app.js'),
    "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('Hello World!'));\napp.listen(process.env.PORT || 3000);\n",
  );
  return dir;
}

/** Every file under dir with its bytes (base64), sorted: compare two to prove nothing changed. */
export async function folderState(dir: string, relative = ''): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(state, { [`${rel}/`]: 'dir' }, await folderState(dir, rel));
    else state[rel] = (await readFile(path.join(dir, rel))).toString('base64');
  }
  return state;
}

/** Environment for reproducible runs: fixed clock, no colour, no user git config. */
export const runEnv = { SOURCE_DATE_EPOCH: '1742034030', NO_COLOR: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
