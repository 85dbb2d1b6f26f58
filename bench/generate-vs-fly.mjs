// Image size and OS package count of our Dockerfile vs the one @flydotio/dockerfile writes, for the
// same Node app on the same stand-in bases (127.0.0.1:5000, see scripts/test-env.sh). Not a test:
// prints ratios (goal: size <= 0.75x, OS packages <= 0.25x) and who each image runs as.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './lib.mjs';

const DOCKER = '/usr/bin/docker';
const REGISTRY = '127.0.0.1:5000';
const NODE_STANDIN = `${REGISTRY}/library/node:22.21.1-bookworm-slim`;
const fixture = path.join(repoRoot, 'test/fixtures/apps/node-express');

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

function skip(reason) {
  console.log(`generate-vs-fly: skipped: ${reason}`);
  process.exit(0);
}

if (!existsSync(DOCKER) || run(DOCKER, ['info'], { timeout: 10_000 }).status !== 0) skip(`no Docker engine answers ${DOCKER} (run scripts/test-env.sh)`);
if (run('curl', ['-fsS', '-m', '3', `http://${REGISTRY}/v2/`]).status !== 0) skip(`no registry at ${REGISTRY} (run scripts/test-env.sh)`);

const work = mkdtempSync(path.join(os.tmpdir(), 'harden-init-bench-fly-'));
const tags = [];
process.on('exit', () => {
  for (const tag of tags) run(DOCKER, ['rmi', '-f', tag]);
  rmSync(work, { recursive: true, force: true });
});

function copyApp(name) {
  const dir = path.join(work, name);
  cpSync(fixture, dir, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json)$/.test(src) });
  return dir;
}

async function ours() {
  const dir = copyApp('ours');
  // Bundled next to the sources so the generator finds templates/ at the package root.
  const cache = path.join(repoRoot, 'node_modules/.cache/harden-init-bench');
  mkdirSync(cache, { recursive: true });
  const outfile = path.join(cache, 'prepare.mjs');
  await build({ entryPoints: [path.join(repoRoot, 'src/generate/prepare.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'error' });
  const { prepareGeneration } = await import(outfile);
  const { answersSchema } = await import(outfileFor('answers'));
  const answers = answersSchema.parse(JSON.parse(readFileSync(path.join(fixture, 'answers.json'), 'utf8')));
  const result = await prepareGeneration(dir, answers, { registry: REGISTRY, pin: true });
  for (const file of result.files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.content);
  }
  return dir;
}

function outfileFor(name) {
  return path.join(repoRoot, `node_modules/.cache/harden-init-bench/${name}.mjs`);
}

async function bundleAnswers() {
  mkdirSync(path.join(repoRoot, 'node_modules/.cache/harden-init-bench'), { recursive: true });
  await build({ entryPoints: [path.join(repoRoot, 'src/questions/answers.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: outfileFor('answers'), logLevel: 'error' });
}

function theirs() {
  const dir = copyApp('fly');
  const result = run('npx', ['--yes', '@flydotio/dockerfile@latest', '--force'], { cwd: dir, timeout: 300_000, env: { ...process.env, CI: '1' } });
  if (result.status !== 0 || !existsSync(path.join(dir, 'Dockerfile'))) skip(`npx @flydotio/dockerfile failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ')}`);
  const original = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  // The `# syntax` line needs Docker Hub; the node base becomes the same stand-in our build stage uses.
  const mapped = original
    .split('\n')
    .filter((line) => !/^#\s*syntax\s*=/.test(line))
    .map((line) => line.replace(/^FROM\s+(?:docker\.io\/)?(?:library\/)?node:\S+/i, `FROM ${NODE_STANDIN}`))
    .join('\n');
  writeFileSync(path.join(dir, 'Dockerfile'), mapped);
  return dir;
}

function buildImage(dir, tag) {
  const result = run(DOCKER, ['build', '-t', tag, '.'], { cwd: dir, env: { ...process.env, DOCKER_BUILDKIT: '1' }, timeout: 900_000 });
  if (result.status !== 0) {
    console.log(`generate-vs-fly: build of ${tag} failed:\n${(result.stderr || '').split('\n').slice(-15).join('\n')}`);
    process.exit(1);
  }
  tags.push(tag);
}

/** Installed OS packages: dpkg status stanzas, distroless status.d entries and apk records. */
function osPackages(tag) {
  const id = run(DOCKER, ['create', tag]).stdout.trim();
  const root = path.join(work, `fs-${tags.indexOf(tag)}`);
  mkdirSync(root, { recursive: true });
  const exported = spawnSync('sh', ['-c', `${DOCKER} export ${id} | tar -x -C ${root} var/lib/dpkg lib/apk 2>/dev/null; true`]);
  run(DOCKER, ['rm', id]);
  if (exported.status !== 0) return { count: 0, database: false };
  let count = 0;
  let database = false;
  const status = path.join(root, 'var/lib/dpkg/status');
  database ||= existsSync(status);
  if (existsSync(status)) count += (readFileSync(status, 'utf8').match(/^Status: install ok installed$/gm) ?? []).length;
  const statusD = path.join(root, 'var/lib/dpkg/status.d');
  database ||= existsSync(statusD);
  if (existsSync(statusD)) count += readdirSync(statusD).filter((name) => !name.endsWith('.md5sums')).length;
  const apk = path.join(root, 'lib/apk/db/installed');
  database ||= existsSync(apk);
  if (existsSync(apk)) count += (readFileSync(apk, 'utf8').match(/^P:/gm) ?? []).length;
  return { count, database };
}

function inspect(tag, format) {
  return run(DOCKER, ['image', 'inspect', '-f', format, tag]).stdout.trim();
}

await bundleAnswers();
const suffix = `${process.pid}`;
const ourTag = `harden-init-bench/ours:${suffix}`;
const flyTag = `harden-init-bench/fly:${suffix}`;
buildImage(await ours(), ourTag);
buildImage(theirs(), flyTag);

const ourSize = Number(inspect(ourTag, '{{.Size}}'));
const flySize = Number(inspect(flyTag, '{{.Size}}'));
const ourDb = osPackages(ourTag);
const flyDb = osPackages(flyTag);
const ourPackages = ourDb.count;
const flyPackages = flyDb.count;
const ourUser = inspect(ourTag, '{{.Config.User}}') || 'root';
const flyUser = inspect(flyTag, '{{.Config.User}}') || 'root';
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (ratio, goal) => (ratio <= goal ? 'ok' : 'OVER GOAL');
const sizeRatio = ourSize / flySize;
const packageRatio = flyPackages === 0 ? 0 : ourPackages / flyPackages;
console.log(`image size: ${sizeRatio.toFixed(2)}x (goal <= 0.75x) ${verdict(sizeRatio, 0.75)}  [ours ${mb(ourSize)} vs fly ${mb(flySize)}]`);
const noDb = (db) => (db.database ? '' : ' (no dpkg/apk database in the image)');
console.log(`OS packages: ${packageRatio.toFixed(2)}x (goal <= 0.25x) ${verdict(packageRatio, 0.25)}  [ours ${ourPackages}${noDb(ourDb)} vs fly ${flyPackages}${noDb(flyDb)}]`);
console.log(`runs as: ours ${ourUser}${/^(0|root)(:|$)/.test(ourUser) ? ' (ROOT)' : ' (non-root)'}, fly ${flyUser}${/^(0|root)(:|$)/.test(flyUser) ? ' (root)' : ' (non-root)'}`);
