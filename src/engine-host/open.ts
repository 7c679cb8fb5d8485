import type { EngineWorkerMode } from '../config.ts';
import { inProcessEngine } from './in-process.ts';
import { openEngineSource } from './open-source.ts';
import type { OpenedAsyncEngine } from './types.ts';
import { startWorkerEngine, WorkerStartError, type WorkerEngineOptions } from './worker-engine.ts';

export interface OpenAsyncEngineOptions extends WorkerEngineOptions {
  /**
   * Where questions are answered: 'on' in a worker thread (a worker that cannot start is an
   * error), 'off' on this thread, 'auto' in a worker, falling back to this thread with a
   * call to onFallback when the worker thread itself cannot start.
   * @default 'auto'
   */
  worker?: EngineWorkerMode;
  /** Called when 'auto' falls back to answering on this thread, with why. */
  onFallback?: (reason: string) => void;
}

/**
 * Opens the engine behind the async interface, in a worker or on this thread. Errors from
 * opening the corpus (a missing folder, say) are thrown as they are, whatever the mode.
 */
export async function openAsyncEngine(options: OpenAsyncEngineOptions): Promise<OpenedAsyncEngine> {
  const mode = options.worker ?? 'auto';
  if (mode !== 'off') {
    try {
      return await startWorkerEngine(options);
    } catch (error) {
      if (mode === 'on' || !(error instanceof WorkerStartError)) throw error;
      options.onFallback?.(error.message);
    }
  }
  const opened = openEngineSource(options.source, options);
  return { engine: inProcessEngine(opened.engine), from: opened.from, milliseconds: opened.milliseconds };
}
