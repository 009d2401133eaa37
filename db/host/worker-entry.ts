/**
 * The entry of the core's worker thread in the app: electron-vite builds it next to the main
 * process bundle (out/main/core-worker.js), and the core host (db/host/host.ts) starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInit } from './protocol';
import { serveCore } from './worker';

if (!parentPort) throw new Error('The Asysta core runs in a worker thread started by its host.');
serveCore(parentPort, workerData as WorkerInit);
