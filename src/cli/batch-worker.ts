// A worker thread of `selfeval batch`: reviews the files the main thread sends, one at a time, and
// sends back each file's row. Compiled to dist/node/cli/batch-worker.js; see batch-pool.ts.

import { parentPort, workerData } from 'worker_threads';
import { type JobSetup, makeJob } from './batch-job';

const job = makeJob(workerData as JobSetup);
parentPort?.on('message', (task: { index: number; path: string; name: string }) => {
  parentPort?.postMessage({ index: task.index, result: job(task.path, task.name) });
});
