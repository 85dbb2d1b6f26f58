// Entry of a lint worker thread (dist/lint-worker.js): lints the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { lintFileResult, type WorkerBatch, type WorkerMessage, type WorkerSetup } from './parallel.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
port.on('message', (batch: WorkerBatch) => {
  const answer: WorkerMessage = { start: batch.start, results: batch.files.map((file) => lintFileResult(file, setup)) };
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
