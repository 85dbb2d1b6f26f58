// Image size, OS package count and user of our Dockerfile vs the one @flydotio/dockerfile writes,
// for each real Node fixture app (test/fixtures/apps/node-*), both built in this run on the same
// stand-in bases (127.0.0.1:5000, see scripts/test-env.sh). Ours is what a new user gets:
// `harden-init --yes --registry 127.0.0.1:5000 --ca-cert <bundle>` (the built CLI: `npm run bench`
// builds it first).
// Not a test: prints ratios per app (goal: size <= 0.75x, OS packages <= 0.25x), or why an app
// was skipped. `node bench/generate-vs-fly.mjs node-next` runs one app.
//
// Fly's Dockerfile is edited as little as possible: its `# syntax` line goes (it needs Docker Hub),
// its node and nginx FROMs become the stand-in node and nginx images ours uses, and every RUN that runs a package manager gets
// `--mount=type=secret,id=ca` and NODE_EXTRA_CA_CERTS=/run/secrets/ca, so npm, yarn and pnpm trust
// this machine's CA (the build is given `--secret id=ca,src=<CA bundle>`; the CA never reaches a
// layer). Ours mounts it itself: it is generated with `--ca-cert <CA bundle>`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { binPath, repoRoot } from './lib.mjs';

const DOCKER = '/usr/bin/docker';
const REGISTRY = '127.0.0.1:5000';
const BASES = JSON.parse(readFileSync(path.join(repoRoot, 'src/generate/base-images.json'), 'utf8')).images;
const standIn = (pick) => `${REGISTRY}/${BASES.find(pick).ref.replace(/^[^/]+\//, '')}`;
const NODE_STANDIN = standIn((image) => image.stack === 'node' && image.role === 'build' && image.version === '22');
const NGINX_STANDIN = standIn((image) => image.stack === 'static' && image.flavor === 'slim');
const CA_BUNDLE = process.env.HARDEN_INIT_CA_BUNDLE ?? process.env.NODE_EXTRA_CA_CERTS ?? '/etc/ssl/certs/ca-certificates.crt';
const APPS = ['node-express', 'node-fastify-yarn', 'node-next', 'node-vite', 'node-nest-pnpm', 'node-pnpm-workspace', 'node-yarn-berry'];
const only = process.argv.slice(2).filter((arg) => APPS.includes(arg));

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}

function skipAll(reason) {
  console.log(`generate-vs-fly: skipped: ${reason}`);
  process.exit(0);
}

if (!existsSync(DOCKER) || run(DOCKER, ['info'], { timeout: 10_000 }).status !== 0) skipAll(`no Docker engine answers ${DOCKER} (run scripts/test-env.sh)`);
if (run('curl', ['-fsS', '-m', '3', `http://${REGISTRY}/v2/`]).status !== 0) skipAll(`no registry at ${REGISTRY} (run scripts/test-env.sh)`);
if (!existsSync(CA_BUNDLE)) skipAll(`no CA bundle at ${CA_BUNDLE} (set HARDEN_INIT_CA_BUNDLE)`);

const work = mkdtempSync(path.join(os.tmpdir(), 'harden-init-bench-fly-'));
const tags = [];
process.on('exit', () => {
  for (const tag of tags) run(DOCKER, ['rmi', '-f', tag]);
  rmSync(work, { recursive: true, force: true });
});

function copyApp(name, side) {
  const dir = path.join(work, `${name}-${side}`);
  cpSync(path.join(repoRoot, 'test/fixtures/apps', name), dir, { recursive: true, filter: (src) => !/[/\\](expected|answers\.json)$/.test(src) });
  return dir;
}

/** Every RUN (continuation lines included) that runs a package manager trusts the CA given as secret `ca`. */
function withCaSecret(text) {
  const logical = text.replace(/\\\n/g, '\u0000').split('\n');
  return logical
    .map((line) => {
      if (!/^RUN\s/i.test(line) || /id=ca\b/.test(line) || !/\b(npm|npx|yarn|pnpm|corepack)\b/.test(line)) return line;
      const [, flags = '', command] = /^RUN\s+((?:--\S+\s+)*)(.*)$/is.exec(line);
      return `RUN --mount=type=secret,id=ca ${flags}export NODE_EXTRA_CA_CERTS=/run/secrets/ca && ${command}`;
    })
    .join('\n')
    .replace(/\u0000/g, '\\\n');
}

/** Our Dockerfile for the app, as `harden-init --yes` writes it (in the workspace app's folder for a workspace). */
function ours(name) {
  const root = copyApp(name, 'ours');
  const result = run(process.execPath, [binPath, root, '--yes', '--registry', REGISTRY, '--ca-cert', CA_BUNDLE], { env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) return { error: `harden-init --yes failed: ${result.stderr.trim().split('\n').slice(-1)[0]}` };
  const app = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/apps', name, 'answers.json'), 'utf8')).app ?? '.';
  return { context: root, dockerfile: path.join(root, app, 'Dockerfile') };
}

/** Fly's Dockerfile for the app, generated in the app's own folder as `npx @flydotio/dockerfile` does. */
function theirs(name) {
  const root = copyApp(name, 'fly');
  const answers = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/apps', name, 'answers.json'), 'utf8'));
  const dir = answers.app && answers.app !== '.' ? path.join(root, answers.app) : root;
  const result = run('npx', ['--yes', '@flydotio/dockerfile@latest', '--force'], { cwd: dir, timeout: 300_000, env: { ...process.env, CI: '1' } });
  if (result.status !== 0 || !existsSync(path.join(dir, 'Dockerfile'))) {
    return { skip: `npx @flydotio/dockerfile failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-2).join(' ')}` };
  }
  const original = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  const mapped = original
    .split('\n')
    .filter((line) => !/^#\s*syntax\s*=/.test(line))
    .map((line) => line.replace(/^FROM\s+(?:docker\.io\/)?(?:library\/)?node:\S+/i, `FROM ${NODE_STANDIN}`))
    .map((line) => line.replace(/^FROM\s+(?:docker\.io\/)?(?:library\/)?nginx(?::\S+)?(?=\s|$)/i, `FROM ${NGINX_STANDIN}`))
    .join('\n');
  writeFileSync(path.join(dir, 'Dockerfile'), withCaSecret(mapped));
  // Its user is then the stand-in's (nginx-unprivileged: 101), not the root user upstream nginx has.
  const note = mapped.includes(NGINX_STANDIN) ? " (fly's FROM nginx built on the same nginx stand-in as ours)" : '';
  return { context: dir, dockerfile: path.join(dir, 'Dockerfile'), note };
}

function buildImage({ context, dockerfile }, tag) {
  const result = run(DOCKER, ['build', '--secret', `id=ca,src=${CA_BUNDLE}`, '-f', dockerfile, '-t', tag, context], {
    env: { ...process.env, DOCKER_BUILDKIT: '1' },
    timeout: 1_200_000,
  });
  if (result.status !== 0) {
    // The failing step's own error lines, not BuildKit's "executor failed" summary.
    const lines = (result.stderr || '').split('\n').map((line) => line.replace(/^#\d+ [\d.]+ /, '').trim());
    const cause = lines.filter((line) => /\b(Error|ERR!|error)\b/.test(line) && !/executor failed|failed to solve|^#\d+ ERROR/.test(line));
    return (cause.length ? cause : lines.filter((line) => /ERROR/.test(line))).slice(-2).join(' ') || `docker build exited ${result.status}`;
  }
  tags.push(tag);
  return null;
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

function measure(tag) {
  const inspect = (format) => run(DOCKER, ['image', 'inspect', '-f', format, tag]).stdout.trim();
  return { size: Number(inspect('{{.Size}}')), packages: osPackages(tag), user: inspect('{{.Config.User}}') || 'root' };
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const verdict = (ratio, goal) => (ratio <= goal ? 'ok' : 'OVER GOAL');
const root = (user) => /^(0|root)(:|$)/.test(user);
const packagesText = (db) => `${db.count}${db.database ? '' : ' (no package database)'}`;

const suffix = `${process.pid}`;
const ratios = [];
for (const name of only.length ? only : APPS) {
  const fly = theirs(name);
  if (fly.skip) {
    console.log(`${name}: skipped: ${fly.skip}`);
    continue;
  }
  const ourTag = `harden-init-bench/${name}-ours:${suffix}`;
  const flyTag = `harden-init-bench/${name}-fly:${suffix}`;
  const mine = ours(name);
  const ourError = mine.error ?? buildImage(mine, ourTag);
  if (ourError) {
    console.log(`${name}: OUR BUILD FAILED: ${ourError}`);
    process.exitCode = 1;
    continue;
  }
  const flyError = buildImage(fly, flyTag);
  if (flyError) {
    console.log(`${name}: skipped: fly's Dockerfile does not build for this app: ${flyError}`);
    continue;
  }
  const a = measure(ourTag);
  const b = measure(flyTag);
  const size = a.size / b.size;
  const packages = b.packages.count === 0 ? 0 : a.packages.count / b.packages.count;
  ratios.push(size);
  console.log(
    `${name}: image size ${size.toFixed(2)}x (goal <= 0.75x) ${verdict(size, 0.75)} [ours ${mb(a.size)} vs fly ${mb(b.size)}]; ` +
      `OS packages ${packages.toFixed(2)}x (goal <= 0.25x) ${verdict(packages, 0.25)} [ours ${packagesText(a.packages)} vs fly ${packagesText(b.packages)}]; ` +
      `runs as ours ${a.user}${root(a.user) ? ' (ROOT)' : ''}, fly ${b.user}${root(b.user) ? ' (root)' : ''}${fly.note}`,
  );
}
if (ratios.length) {
  const geomean = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
  console.log(`image size, geometric mean over ${ratios.length} apps: ${geomean.toFixed(2)}x (goal <= 0.75x) ${verdict(geomean, 0.75)}`);
}
