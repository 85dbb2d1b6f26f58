// `harden-init detect` on a repo with 200,000 files under node_modules against `--version` start-up,
// measured in the same run. Detection must never walk node_modules, so the ratio stays near 1.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { binPath, median, report, timeCommand } from './lib.mjs';

const FILES = 200_000;
const PACKAGES = 2_000;
const repo = path.join(tmpdir(), 'harden-init-bench-detect');
const done = path.join(repo, '.bench-complete');

function buildRepo() {
  rmSync(repo, { recursive: true, force: true });
  const write = (file, text) => {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), text);
  };
  write('package.json', JSON.stringify({ name: 'bench-app', version: '1.0.0', scripts: { build: 'tsc', start: 'node src/server.js' }, engines: { node: '>=20' }, dependencies: { express: '^4.21.0' } }, null, 2));
  write('package-lock.json', '{"lockfileVersion":3,"packages":{}}');
  write('.gitignore', 'node_modules/\n.env\n');
  write('src/server.js', "require('express')().listen(process.env.PORT || 3000);\n");
  for (let i = 0; i < 50; i++) write(`src/routes/route-${i}.js`, `module.exports = ${i};\n`);
  const perPackage = FILES / PACKAGES;
  for (let p = 0; p < PACKAGES; p++) {
    const dir = path.join(repo, 'node_modules', `pkg-${p}`, 'lib');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(repo, 'node_modules', `pkg-${p}`, 'package.json'), `{"name":"pkg-${p}"}`);
    for (let f = 1; f < perPackage; f++) writeFileSync(path.join(dir, `f${f}.js`), '');
  }
  writeFileSync(done, String(FILES));
}

if (!existsSync(done)) {
  console.log(`creating ${FILES} files under ${repo}/node_modules (once; reused by later runs)`);
  buildRepo();
}

// Interleaved rounds, so a burst of load on a shared machine hits both sides alike.
const baselines = [];
const subjects = [];
for (let round = 0; round < 6; round++) {
  baselines.push(timeCommand(process.execPath, [binPath, '--version'], { runs: 3 }));
  subjects.push(timeCommand(process.execPath, [binPath, 'detect', repo, '--json'], { runs: 3 }));
}
const baseline = median(baselines);
const subject = median(subjects);
report('detect: 200k files in node_modules vs --version', subject, baseline, 1.5, `repo ${repo}`);
