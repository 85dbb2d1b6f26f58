// Linting every corpus Dockerfile in one process: `harden-init lint` against the `dockerfilelint`
// CLI on the same files, measured in the same run. Also reports how many distinct rules fire per file.
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { binPath, repoRoot, report, timeAsync, timeCommand } from './lib.mjs';

const corpus = path.resolve(repoRoot, '../shared/corpus/dockerfiles');
const peer = path.join(repoRoot, 'node_modules/.bin/dockerfilelint');
if (!existsSync(corpus)) {
  console.log(`lint: skipped, no corpus at ${corpus}`);
  process.exit(0);
}
if (!existsSync(peer)) {
  console.log('lint: skipped, dockerfilelint is not installed (npm install)');
  process.exit(0);
}
const all = readdirSync(corpus)
  .filter((name) => /dockerfile$/i.test(name))
  .sort()
  .map((name) => path.join(corpus, name));
// dockerfilelint throws on some files (and then stops); time both tools on the files it can read.
const crashes = all.filter((file) => {
  const result = spawnSync(process.execPath, [peer, '-o', 'json', file], { encoding: 'utf8' });
  return /TypeError|Error:/.test(result.stderr ?? '') || !result.stdout.trim().startsWith('{');
});
const files = all.filter((file) => !crashes.includes(file));
console.log(`lint: dockerfilelint crashes on ${crashes.length} of ${all.length} corpus files (${crashes.map((f) => path.basename(f)).join(', ') || 'none'}); harden-init lints all of them`);

const runs = 7;
const ours = timeCommand(process.execPath, [binPath, 'lint', '--format', 'json', ...files], { runs });
// dockerfilelint exits with its issue count as status, which timeCommand would take for a failure.
const theirs = await timeAsync(async () => spawnSync(process.execPath, [peer, '-o', 'json', ...files], { stdio: 'ignore' }), { runs });

function rulesPerFile(command, args, read) {
  // Output goes to a file: dockerfilelint exits before a large piped write is flushed.
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-lint-'));
  const out = path.join(dir, 'out.json');
  const fd = openSync(out, 'w');
  const result = spawnSync(command, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
  closeSync(fd);
  if (result.status === null || result.status >= 2 && command === process.execPath && args[0] === binPath) throw new Error(`${args[0]} exited ${result.status}: ${result.stderr}`);
  const perFile = read(JSON.parse(readFileSync(out, 'utf8')));
  rmSync(dir, { recursive: true, force: true });
  const counts = files.map((file) => perFile.get(file)?.size ?? 0);
  return counts.reduce((a, b) => a + b, 0) / files.length;
}

const oursRules = rulesPerFile(process.execPath, [binPath, 'lint', '--format', 'json', ...files], (findings) => {
  const map = new Map();
  for (const f of findings) map.set(path.resolve(repoRoot, f.file), (map.get(path.resolve(repoRoot, f.file)) ?? new Set()).add(f.code));
  return map;
});
const theirRules = rulesPerFile(process.execPath, [peer, '-o', 'json', ...files], (output) => new Map(output.files.map((f) => [f.file, new Set(f.issues.map((i) => i.title))])));

// Where the time goes: start-up (one file) and the cost of each further file.
const oursOne = timeCommand(process.execPath, [binPath, 'lint', '--format', 'json', files[0]], { runs });
const theirsOne = await timeAsync(async () => spawnSync(process.execPath, [peer, '-o', 'json', files[0]], { stdio: 'ignore' }), { runs });
const perFile = (total, one) => ((total - one) / (files.length - 1)).toFixed(1);
report(
  `lint: ${files.length} corpus Dockerfiles, harden-init lint vs dockerfilelint`,
  ours,
  theirs,
  1.0,
  `rules per file ${oursRules.toFixed(1)} vs ${theirRules.toFixed(1)}; one file ${oursOne.toFixed(0)} vs ${theirsOne.toFixed(0)} ms; each further file ${perFile(ours, oursOne)} vs ${perFile(theirs, theirsOne)} ms`,
);
