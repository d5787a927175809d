// The files of `selfeval batch` shared out over N worker threads (both cores of the bureau's machine),
// each taking the next file as soon as it is done with one; results kept by the files' order, so the
// review is the same whatever the number of threads. One thread: the work is done in this one.

import { existsSync } from 'fs';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { faultResult, type JobResult, type JobSetup, makeJob } from './batch-job';

export interface Task {
  path: string;
  name: string;
}

export interface PoolEvents {
  started(task: Task): void;
  finished(task: Task, result: JobResult): void;
}

/** The compiled worker beside this module; absent when running from the TypeScript sources (the tests). */
const WORKER = join(__dirname, 'batch-worker.js');

export function workersAvailable(): boolean {
  return existsSync(WORKER);
}

export async function runPool(tasks: Task[], setup: JobSetup, jobs: number, events: PoolEvents): Promise<JobResult[]> {
  const threads = Math.min(jobs, tasks.length);
  if (threads <= 1 || !workersAvailable()) return inThisThread(tasks, setup, events);
  const results: JobResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const start = () => {
      const worker = new Worker(WORKER, { workerData: setup });
      workers.push(worker);
      let current = -1;
      const give = () => {
        if (next >= tasks.length) return;
        current = next++;
        events.started(tasks[current]);
        worker.postMessage({ index: current, ...tasks[current] });
      };
      worker.on('message', ({ index, result }: { index: number; result: JobResult }) => {
        results[index] = result;
        current = -1;
        events.finished(tasks[index], result);
        if (++done === tasks.length) finish();
        else give();
      });
      // A worker that dies (out of memory on one file) takes its file with it: that file is a row of
      // its own, and a new worker takes the rest.
      worker.on('error', (error) => {
        if (current < 0) return finish(error);
        const task = tasks[current];
        const index = current;
        current = -1;
        results[index] = faultResult(task.name, error);
        events.finished(task, results[index]);
        if (++done === tasks.length) finish();
        else if (next < tasks.length) start();
      });
      give();
    };
    for (let i = 0; i < threads; i++) start();
  });
}

function inThisThread(tasks: Task[], setup: JobSetup, events: PoolEvents): JobResult[] {
  const job = makeJob(setup);
  return tasks.map((task) => {
    events.started(task);
    const result = job(task.path, task.name);
    events.finished(task, result);
    return result;
  });
}
