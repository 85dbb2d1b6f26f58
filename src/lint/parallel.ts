// Adapter: lints many files on worker threads beside the main thread. Results keep the order of
// the files, so the report is the one a single thread gives.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { InputError } from '../cli/errors.js';
import type { LintConfig } from './config-schema.js';
import { lintDockerfile } from './lint.js';
import { display, readTarget } from './targets.js';
import type { LintFinding } from './types.js';

/** One file to lint: the path as given, and whether the user named none (`./Dockerfile` implied). */
export interface LintTarget {
  target: string;
  implicit: boolean;
}

/** A linted file (its name as shown), or why it could not be read. */
export type FileResult = { name: string; findings: LintFinding[] } | { error: { what: string; where?: string; fix?: string } };

/** What a worker is given once: everything a file's result depends on besides the file. */
export interface WorkerSetup {
  cwd: string;
  config: LintConfig;
  /** The day end-of-life facts are judged by. */
  today: Date;
}

/**
 * Files for each thread. A thread compiles the linter on its own and runs it slowly until V8 has
 * optimised it: the first thousand files take about twice as long as the next thousand. A thread
 * pays for that only when it gets this many files.
 */
export const FILES_PER_THREAD = 500;

/**
 * Threads to lint `files` files on: `requested` (`--jobs`) when given, else one per
 * FILES_PER_THREAD files, up to one less than the CPUs. One core stays with V8's compiler and
 * garbage collector, which run beside each thread: a single thread already keeps 1.5 cores busy,
 * so on two cores a second thread only repeats that work (2,000 files: 568 against 607 files/s).
 * `cpus` is asked only when the answer depends on it: a one-file lint is mostly start-up.
 */
export function lintThreads(files: number, requested: number | undefined, cpus: () => number): number {
  const wanted = requested ?? (files < 2 * FILES_PER_THREAD ? 1 : Math.min(cpus() - 1, Math.floor(files / FILES_PER_THREAD)));
  return Math.max(1, Math.min(wanted, files));
}

export function lintFileResult(file: LintTarget, setup: WorkerSetup): FileResult {
  try {
    const { absolute, text } = readTarget(path.resolve(setup.cwd, file.target), setup.cwd, file.implicit);
    const name = display(setup.cwd, absolute);
    return { name, findings: lintDockerfile(text, { file: name, config: setup.config, today: setup.today, keep: false }) };
  } catch (error) {
    if (error instanceof InputError) return { error: { what: error.what, where: error.where, fix: error.fix } };
    throw error;
  }
}

/** The worker entry beside the lint bundle (dist/lint-worker.js next to dist/lint-<hash>.cjs); null when running from source. */
function workerScript(): URL | null {
  if (!import.meta.url.endsWith('.cjs')) return null;
  const url = new URL('./lint-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** Messages: a worker says `ready` once loaded, then answers each batch with its results. */
export type WorkerMessage = { ready: true } | { start: number; results: FileResult[] };
export interface WorkerBatch {
  start: number;
  files: LintTarget[];
}

/**
 * Lints `files` on `threads` threads: the main thread and `threads - 1` workers take batches of
 * files from one queue. Returns the results in the files' order and the threads used (1 when no
 * worker can start, as when running from source).
 */
export async function lintFiles(files: LintTarget[], threads: number, setup: WorkerSetup): Promise<{ results: FileResult[]; threads: number }> {
  const script = threads > 1 ? workerScript() : null;
  if (!script) return { results: files.map((file) => lintFileResult(file, setup)), threads: 1 };

  // Loaded here, as a run on one thread never needs it; not by import(), which the code-cached bundle cannot call.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const results: FileResult[] = new Array(files.length);
  // Small enough that every thread gets several batches and all finish close together.
  const size = Math.max(4, Math.min(32, Math.ceil(files.length / (threads * 8))));
  let next = 0;
  let failed = false;
  const take = (): WorkerBatch | null => {
    if (failed || next >= files.length) return null;
    const start = next;
    next = Math.min(files.length, start + size);
    return { start, files: files.slice(start, next) };
  };
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, rejectRun) => {
      const reject = (error: unknown) => {
        failed = true;
        rejectRun(error);
      };
      let pending = 0;
      let mainDone = false;
      const settle = () => {
        if (mainDone && pending === 0 && next >= files.length) resolve();
      };
      const feed = (worker: Worker): void => {
        const batch = take();
        if (!batch) return;
        pending++;
        worker.postMessage(batch);
      };
      for (let k = 1; k < threads; k++) {
        const worker = new Worker(script, { workerData: setup satisfies WorkerSetup });
        workers.push(worker);
        worker.on('message', (message: WorkerMessage) => {
          if ('ready' in message) {
            // Two batches in flight: the next one waits in the worker while the main thread is busy.
            feed(worker);
            feed(worker);
            return;
          }
          message.results.forEach((result, i) => (results[message.start + i] = result));
          pending--;
          feed(worker);
          settle();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`a lint worker stopped with exit code ${code}`));
        });
      }
      const mainShare = async () => {
        for (let batch = take(); batch; batch = take()) {
          batch.files.forEach((file, i) => (results[batch!.start + i] = lintFileResult(file, setup)));
          // Let the workers' answers in, so they get their next batches.
          await new Promise((done) => setImmediate(done));
        }
        mainDone = true;
        settle();
      };
      mainShare().catch(reject);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { results, threads };
}
