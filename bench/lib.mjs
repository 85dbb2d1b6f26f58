// Helpers for benchmarks: every result is a ratio against a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const binPath = path.join(repoRoot, 'bin/harden-init.js');

/**
 * The environment timed commands run in. Without NODE_EXTRA_CA_CERTS: Node 20 reads and parses
 * that bundle at every start (about 80 ms for a system bundle of 150 certificates), which would
 * add the same large constant to both sides of a start-up ratio and flatter it.
 */
export const timingEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

/** Median wall time in ms of `runs` executions of a command (after one warm-up). */
export function timeCommand(command, args, { runs = 15, cwd = repoRoot, env = timingEnv } = {}) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, env, stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
    if (i > 0) samples.push(ms);
  }
  return median(samples);
}

/**
 * Median wall time in ms of each command, run in turns (`runs` rounds after one warm-up), so all of
 * them see the same machine load. `commands` maps a name to [command, args, options]. The result's
 * `ratio(subject, baseline)` is the median of the two commands' ratios round by round: steadier than
 * the ratio of medians when the machine's load drifts.
 */
export function timeCommandsInTurn(commands, { runs = 15 } = {}) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i <= runs; i++) {
    for (const [name, [command, args, { cwd = repoRoot, env = timingEnv } = {}]] of Object.entries(commands)) {
      const start = process.hrtime.bigint();
      const result = spawnSync(command, args, { cwd, env, stdio: 'ignore' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.slice(0, 6).join(' ')} exited ${result.status}`);
      if (i > 0) samples[name].push(ms);
    }
  }
  const medians = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  // Not enumerable: callers spread or list the medians.
  Object.defineProperty(medians, 'ratio', { value: (subject, baseline) => median(samples[subject].map((ms, i) => ms / samples[baseline][i])) });
  return medians;
}

/** Median ms of `runs` calls of an async function (after one warm-up). */
export async function timeAsync(fn, { runs = 15 } = {}) {
  const samples = [];
  for (let i = 0; i <= runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    if (i > 0) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Prints one result line: `name: 1.12x baseline (goal <= 1.5x) ok`. `ratio` defaults to the ratio of
 * the two times; paired runs pass the median of their own ratios, steadier on a busy machine.
 */
export function report(name, subjectMs, baselineMs, goal, detail = '', ratio = subjectMs / baselineMs) {
  const verdict = goal === undefined ? '' : ratio <= goal ? ' ok' : ' OVER GOAL';
  const goalText = goal === undefined ? '' : ` (goal <= ${goal}x)`;
  console.log(`${name}: ${ratio.toFixed(2)}x${goalText}${verdict}  [${subjectMs.toFixed(1)} ms vs ${baselineMs.toFixed(1)} ms${detail ? `; ${detail}` : ''}]`);
  return ratio;
}
