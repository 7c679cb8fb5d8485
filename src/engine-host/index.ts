export type { AsyncEngine, EngineSource, OpenEvents, OpenedAsyncEngine, PassageMatch } from './types.ts';
export { inProcessEngine } from './in-process.ts';
export { startWorkerEngine, WorkerStartError, type WorkerCrash, type WorkerEngineOptions } from './worker-engine.ts';
export { openEngineSource, type OpenedSource } from './open-source.ts';
export { findPassages } from './find-passages.ts';
export { openAsyncEngine, type OpenAsyncEngineOptions } from './open.ts';
