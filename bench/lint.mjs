// Lint speed, three ratios, each against a baseline measured in this run:
// 1. start-up: `harden-init lint` of one Dockerfile against `harden-init --version`: what CI and
//    editors pay per call. Goal <= 1.3x, with the code cache the first lint leaves.
// 2. throughput in one process over the corpus, every rule of ours on, against dockerfile-utils'
//    `validate` (the VS Code Docker linter, on the same parser). Goal <= 1.0x (time per file).
// 3. many files: `harden-init lint` over 2,000 Dockerfiles (copies of the corpus) on 2 threads
//    against 1 thread. Goal <= 0.6x (near-linear on 2 cores), files/s of both reported, with the
//    cores each keeps busy, and the same ratio with V8's background threads off.
import { availableParallelism, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { PARSER_HELPERS } from '../scripts/parser-helpers.mjs';
import { binPath, median, repoRoot, report, timeCommandsInTurn, timingEnv } from './lib.mjs';

const corpus = path.resolve(repoRoot, '../shared/corpus/dockerfiles');
if (!existsSync(corpus)) {
  console.log(`lint: skipped, no corpus at ${corpus}`);
  process.exit(0);
}
const require = createRequire(path.join(repoRoot, 'package.json'));
let validate;
try {
  ({ validate } = require('dockerfile-utils'));
} catch {
  console.log('lint: skipped, dockerfile-utils is not installed (npm install)');
  process.exit(0);
}
const files = readdirSync(corpus)
  .filter((name) => /dockerfile$/i.test(name))
  .sort()
  .map((name) => path.join(corpus, name));
const texts = files.map((file) => readFileSync(file, 'utf8'));

// The lint bundle's code cache lives in a folder of the bench's own; each part's warm-up run writes it.
const cacheHome = path.join(repoRoot, '.bench', 'cache');
rmSync(cacheHome, { recursive: true, force: true });
const cached = { env: { ...timingEnv, XDG_CACHE_HOME: cacheHome } };

// `node bench/lint.mjs [startup] [throughput] [many]` runs only those parts.
const parts = process.argv.slice(2);
const wanted = (part) => parts.length === 0 || parts.includes(part);

if (wanted('startup')) {
  // 1. Start-up: the corpus file of median size, default (tty) report and JSON, against --version.
  // The warm-up run writes the code cache, as a user's first lint does. `first` is the same lint with
  // no cache folder at all: what a first run pays, less writing the cache.
  const one = [...files].sort((a, b) => statSync(a).size - statSync(b).size)[Math.floor(files.length / 2)];
  const uncached = { env: Object.fromEntries(Object.entries(timingEnv).filter(([name]) => !['XDG_CACHE_HOME', 'HOME', 'USERPROFILE', 'LOCALAPPDATA'].includes(name))) };
  // The same file in a folder init set up: its .harden-init.json is the lint config.
  const initialised = path.join(repoRoot, '.bench', 'initialised');
  rmSync(initialised, { recursive: true, force: true });
  mkdirSync(initialised, { recursive: true });
  copyFileSync(one, path.join(initialised, 'Dockerfile'));
  writeFileSync(path.join(initialised, '.harden-init.json'), JSON.stringify({ app: '.', lint: { ignored: ['HI103'] } }));
  const startup = timeCommandsInTurn(
    {
      version: [process.execPath, [binPath, '--version'], cached],
      tty: [process.execPath, [binPath, 'lint', one], cached],
      json: [process.execPath, [binPath, 'lint', '--format', 'json', one], cached],
      first: [process.execPath, [binPath, 'lint', one], uncached],
      initialised: [process.execPath, [binPath, 'lint', 'Dockerfile'], { ...cached, cwd: initialised }],
    },
    { runs: 31 },
  );
  report(
    `lint start-up: one file (${statSync(one).size} bytes) vs --version`,
    startup.tty,
    startup.version,
    1.3,
    `--format json ${startup.json.toFixed(1)} ms (${startup.ratio('json', 'version').toFixed(2)}x); no code cache at all, ${startup.first.toFixed(1)} ms (${startup.ratio('first', 'version').toFixed(2)}x); in a folder with .harden-init.json ${startup.initialised.toFixed(1)} ms (${startup.ratio('initialised', 'version').toFixed(2)}x); ratios paired by round`,
    startup.ratio('tty', 'version'),
  );
}

if (wanted('throughput')) {
  // 2. Throughput in one process. Ours is bundled from src/ the way dist/ is (the parser inlined).
  const benchDir = path.join(repoRoot, '.bench');
  mkdirSync(benchDir, { recursive: true });
  const bundle = path.join(benchDir, 'lint-core.mjs');
  await build({
    entryPoints: [path.join(repoRoot, 'src/lint/index.ts')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'bundle',
    external: ['yaml'],
    alias: PARSER_HELPERS,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const lint = await import(pathToFileURL(bundle).href);
  // Every rule on, those off by default included.
  const config = { ...lint.defaultLintConfig(), override: { info: lint.RULES.filter((rule) => rule.level === 'off').map((rule) => rule.id) } };
  // A comment that differs each round: a text linted again would come from our cache of parsed texts.
  let round = 0;
  const lintRound = (fn) => {
    const tag = `\n# round ${round++}\n`;
    const start = process.hrtime.bigint();
    for (const text of texts) fn(text + tag);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  // As `harden-init lint` calls it for each file: no text is linted twice, so none is kept.
  const ours = (text) => lint.lintDockerfile(text, { config, keep: false });
  const theirs = (text) => validate(text);
  for (let i = 0; i < 5; i++) {
    lintRound(ours);
    lintRound(theirs);
  }
  const oursMs = [];
  const theirsMs = [];
  for (let i = 0; i < 25; i++) {
    oursMs.push(lintRound(ours));
    theirsMs.push(lintRound(theirs));
  }
  const perSecond = (ms) => Math.round((texts.length * 1000) / ms);
  const rulesPerFile = (list) => list.reduce((sum, codes) => sum + codes.size, 0) / list.length;
  const ourRules = rulesPerFile(texts.map((text) => new Set(ours(text).map((f) => f.code))));
  const theirRules = rulesPerFile(texts.map((text) => new Set(theirs(text).map((p) => p.code))));
  report(
    `lint throughput: ${texts.length} corpus files in one process, ours (${lint.RULES.length} rules) vs dockerfile-utils validate`,
    median(oursMs),
    median(theirsMs),
    1.0,
    `${perSecond(median(oursMs))} vs ${perSecond(median(theirsMs))} files/s; distinct rules firing per file ${ourRules.toFixed(1)} vs ${theirRules.toFixed(1)}`,
  );
}

if (wanted('many')) {
  // 3. Many files: 2,000 copies of the corpus in a tree, linted by the CLI on 1 and on 2 threads.
  const COPIES = 2000;
  const tree = path.join(tmpdir(), 'harden-init-bench-lint-tree');
  const targets = [];
  rmSync(tree, { recursive: true, force: true });
  for (let i = 0; i < COPIES; i++) {
    const dir = path.join(tree, String(Math.floor(i / 100)).padStart(2, '0'), String(i).padStart(4, '0'));
    mkdirSync(dir, { recursive: true });
    copyFileSync(files[i % files.length], path.join(dir, 'Dockerfile'));
    targets.push(path.relative(tree, path.join(dir, 'Dockerfile')));
  }
  const args = (jobs) => [binPath, 'lint', '--format', 'json', ...(jobs ? ['--jobs', String(jobs)] : []), ...targets];
  const outputOf = (jobs) => spawnSync(process.execPath, args(jobs), { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout;
  if (outputOf(1) !== outputOf(2)) throw new Error('lint on 2 threads printed another report than on 1');
  const many = timeCommandsInTurn(
    {
      one: [process.execPath, args(1), { cwd: tree, ...cached }],
      two: [process.execPath, args(2), { cwd: tree, ...cached }],
      auto: [process.execPath, args(null), { cwd: tree, ...cached }],
      // The same without V8's background threads (compiler and collector helpers), which otherwise
      // share the cores with the lint threads: how the threads themselves scale.
      oneAlone: [process.execPath, ['--single-threaded', ...args(1)], { cwd: tree, ...cached }],
      twoAlone: [process.execPath, ['--single-threaded', ...args(2)], { cwd: tree, ...cached }],
    },
    { runs: 3 },
  );
  // The cores each run keeps busy: the process's CPU time over its wall time, from lint's --debug line.
  const cores = (jobs) => {
    const { stderr } = spawnSync(process.execPath, [binPath, 'lint', '--debug', ...args(jobs).slice(2)], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 30, ...cached });
    const match = /, ([\d.]+) s of CPU in ([\d.]+) s/.exec(stderr);
    return match ? (Number(match[1]) / Number(match[2])).toFixed(1) : '?';
  };
  const busy = { one: cores(1), two: cores(2) };
  rmSync(tree, { recursive: true, force: true });
  const rate = (ms) => Math.round((COPIES * 1000) / ms);
  const cpus = availableParallelism();
  report(
    `lint many files: ${COPIES} Dockerfiles, 2 threads vs 1`,
    many.two,
    many.one,
    cpus >= 2 ? 0.6 : undefined,
    `1 thread ${rate(many.one)} files/s on ${busy.one} cores, 2 threads ${rate(many.two)} files/s on ${busy.two} cores, default (${cpus} CPUs) ${rate(many.auto)} files/s`,
  );
  console.log(
    `  without V8's background threads (node --single-threaded): 2 threads vs 1 ${(many.twoAlone / many.oneAlone).toFixed(2)}x, ${rate(many.oneAlone)} vs ${rate(many.twoAlone)} files/s`,
  );
}
