// The engine worker's first module, plain JavaScript so Node runs it as is. Node 20 does not
// hand tsx's loader to worker threads (neither `tsx src/main.ts` nor `node --import tsx`, nor
// under vitest), so the worker registers tsx itself, then imports its real entry (a .ts file).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
