// Time to the wizard's first visible frame (its "Looking at <dir>" spinner, in a pty) against the
// first frame of an Ink hello-world bundled as tightly as Ink allows, both measured in this run.
// Goal: <= 1.3x.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { binPath, median, repoRoot, report, timingEnv } from './lib.mjs';

const RUNS = 15;
const benchDir = path.join(repoRoot, '.bench');
await mkdir(benchDir, { recursive: true });

// The strongest baseline: one file with ink and react inlined, React's production build, and
// react-devtools-core (which Ink imports only under DEV=true) aliased to a stub.
const helloSource = path.join(benchDir, 'hello-source.mjs');
const helloBundle = path.join(benchDir, 'hello.js');
await writeFile(helloSource, "import React from 'react';\nimport { render, Text } from 'ink';\nrender(React.createElement(Text, null, 'Hello from Ink'));\n");
await build({
  entryPoints: [helloSource],
  outfile: helloBundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  alias: { 'react-devtools-core': path.join(repoRoot, 'scripts/stubs/react-devtools-core.js') },
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

const app = await mkdtemp(path.join(tmpdir(), 'harden-init-bench-'));
// A plain Express app, as the wizard meets one.
await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'bench-app', version: '1.0.0', author: 'Bench <bench@example.com>', scripts: { start: 'node app.js' }, dependencies: { express: '^4.21.0' } }));
await writeFile(path.join(app, 'app.js'), "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(process.env.PORT || 3000);\n");

/** ms from spawn until the pty shows `marker`; the process is then killed. */
function timeToText(command, marker, cwd) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfc', `stty cols 100 rows 40; ${command}`, '/dev/null'], { cwd, detached: true, env: { ...timingEnv, TERM: 'xterm-256color', NO_COLOR: '1' } });
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`no "${marker}" within 20 s: ${JSON.stringify(seen.slice(-300))}`)), 20_000);
    function finish(error, ms) {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      if (error) reject(error);
      else resolve(ms);
    }
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      if (seen.includes(marker)) finish(null, Number(process.hrtime.bigint() - start) / 1e6);
    });
    child.on('error', (error) => finish(error));
  });
}

const wizard = [];
const hello = [];
const ratios = [];
try {
  for (let i = 0; i <= RUNS; i++) {
    // Alternate, so both see the same machine load; the first pair warms the caches.
    const h = await timeToText(`node ${helloBundle}`, 'Hello from Ink', repoRoot);
    const w = await timeToText(`node ${binPath} ${app} --no-pin`, 'Looking at', repoRoot);
    if (i > 0) {
      hello.push(h);
      wizard.push(w);
      ratios.push(w / h);
    }
  }
} finally {
  await rm(app, { recursive: true, force: true });
}
// The ratio is the median of each pair's own ratio: a pair runs back to back, under the same load.
const ratio = report('wizard: first frame vs Ink hello-world', median(wizard), median(hello), 1.3, `median of ${RUNS} paired runs, in a pty`, median(ratios));
process.exitCode = ratio <= 1.3 ? 0 : 1;
