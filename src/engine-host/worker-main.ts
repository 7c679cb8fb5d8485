/**
 * The engine worker's entry (run through worker-bootstrap.mjs): opens the engine named in
 * workerData.source and answers the main thread's requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEngineSource } from './open-source.ts';
import type { WorkerData } from './protocol.ts';
import { serveEngine } from './worker-server.ts';

const { source } = workerData as WorkerData;
serveEngine(parentPort!, (events) => openEngineSource(source, events));
