// Entry of a lint worker thread (dist/lint-worker.js): loads the lint bundle, as the main thread
// does, and lints the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { lintBundleFile, loadLintBundle } from './bundle.js';
import type { WorkerSetup } from './parallel.js';

const file = lintBundleFile();
if (!file) throw new Error('the lint worker runs only from the built CLI (dist/)');
loadLintBundle(file, process.env).exports.serveLintWorker(parentPort!, workerData as WorkerSetup);
