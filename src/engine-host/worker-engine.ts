import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import type { AskOptions, DocumentSummary } from '../search/index.ts';
import { deserializeError } from './errors.ts';
import { QUICK_METHODS, type EngineCalls, type EngineMethod, type EngineRequest, type WorkerData, type WorkerMessage } from './protocol.ts';
import type { AsyncEngine, EngineSource, OpenEvents, OpenedAsyncEngine } from './types.ts';

export interface WorkerEngineOptions extends OpenEvents {
  /** What the worker opens (a corpus folder with its index cache, or a prebuilt cache file). */
  source: EngineSource;
  /**
   * Longest one request may run inside the worker. Past it the request is rejected and the
   * worker, presumed stuck, is replaced. Time spent waiting in the queue does not count.
   * @default 30000
   */
  requestTimeoutMs?: number;
  /**
   * Unexpected worker stops tolerated within a minute; one more and the engine gives up
   * (every call then rejects) and reports it through onCrash with restarting false.
   * @default 3
   */
  maxRestartsPerMinute?: number;
  /** Called when the worker stops unexpectedly or times out, whether it is restarted or not. */
  onCrash?: (crash: WorkerCrash) => void;
  /**
   * The worker's entry module. Tests pass one that wraps the engine to inject faults.
   * @default src/engine-host/worker-main.ts
   */
  workerModule?: URL;
}

/** An unexpected stop of the engine worker. */
export interface WorkerCrash {
  /** What happened, for the log. */
  reason: string;
  /** True when a new worker is being started; false when the engine gave up. */
  restarting: boolean;
}

/** The worker thread itself could not run (as opposed to the engine failing to open inside it). */
export class WorkerStartError extends AppError {
  constructor(reason: string) {
    super('ENGINE_UNAVAILABLE', `The engine worker stopped before it was ready (${reason}).`);
    this.name = 'WorkerStartError';
  }
}

const defaultWorkerEngineOptions: Required<Pick<WorkerEngineOptions, 'requestTimeoutMs' | 'maxRestartsPerMinute' | 'workerModule'>> = {
  requestTimeoutMs: 30_000,
  maxRestartsPerMinute: 3,
  workerModule: new URL('./worker-main.ts', import.meta.url),
};

/**
 * Opens the engine in a worker thread and resolves once it is ready (index loaded from the
 * cache, or built there, without blocking this thread). Rejects with the worker's own error
 * (e.g. CORPUS_NOT_FOUND) when opening fails, or ENGINE_UNAVAILABLE when the worker cannot
 * start. Requests run one at a time in the worker; quick ones (passages, completions) go
 * before queued questions. A crashed or stuck worker fails its current request and is
 * restarted; queued requests wait for the new one.
 */
export function startWorkerEngine(options: WorkerEngineOptions): Promise<OpenedAsyncEngine> {
  return new WorkerEngineHost({
    ...options,
    requestTimeoutMs: options.requestTimeoutMs ?? defaultWorkerEngineOptions.requestTimeoutMs,
    maxRestartsPerMinute: options.maxRestartsPerMinute ?? defaultWorkerEngineOptions.maxRestartsPerMinute,
    workerModule: options.workerModule ?? defaultWorkerEngineOptions.workerModule,
  }).start();
}

type ResolvedOptions = WorkerEngineOptions & typeof defaultWorkerEngineOptions;

interface PendingCall {
  id: number;
  method: EngineMethod;
  args: unknown[];
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);
const MINUTE_MS = 60_000;

class WorkerEngineHost {
  private worker: Worker | undefined;
  private state: 'starting' | 'ready' | 'failed' | 'closed' = 'starting';
  private failure: AppError | undefined;
  private readonly quick: PendingCall[] = [];
  private readonly slow: PendingCall[] = [];
  private inFlight: { call: PendingCall; timer: NodeJS.Timeout } | undefined;
  private readonly crashes: number[] = [];
  private nextId = 1;
  private documents: DocumentSummary[] = [];
  private passageCount = 0;
  private firstStart: { resolve(opened: OpenedAsyncEngine): void; reject(error: Error): void } | undefined;

  constructor(private readonly options: ResolvedOptions) {}

  start(): Promise<OpenedAsyncEngine> {
    return new Promise((resolve, reject) => {
      this.firstStart = { resolve, reject };
      this.spawn();
    });
  }

  private spawn(): void {
    const data: WorkerData = { entry: this.options.workerModule.href, source: this.options.source };
    let worker: Worker;
    try {
      worker = new Worker(BOOTSTRAP, { workerData: data, env: environmentForWorker() });
    } catch (error) {
      this.stopped(`could not start: ${(error as Error).message}`);
      return;
    }
    this.worker = worker;
    let lastError: Error | undefined;
    worker.on('message', (message: WorkerMessage) => this.onMessage(worker, message));
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('messageerror', (error) => this.settleInFlight((call) => call.reject(new AppError('ENGINE_FAILED', `The engine's answer to "${call.method}" could not be read: ${error.message}`))));
    worker.on('exit', (code) => {
      if (worker !== this.worker) return;
      this.worker = undefined;
      this.stopped(lastError ? `${lastError.name}: ${lastError.message}` : `exit code ${code}`);
    });
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    if (worker !== this.worker) return;
    switch (message.type) {
      case 'warning':
        this.options.onWarning?.(message.warning);
        return;
      case 'status':
        this.options.onStatus?.(message.message);
        return;
      case 'ready':
        if (this.state === 'closed') return;
        this.state = 'ready';
        if (this.firstStart) {
          this.documents = message.documents;
          this.passageCount = message.passageCount;
          this.firstStart.resolve({ engine: this.facade(), from: message.from, milliseconds: message.milliseconds });
          this.firstStart = undefined;
        } else {
          this.options.onStatus?.(`Engine worker restarted (index ${message.from === 'cache' ? 'loaded from the cache' : 'rebuilt'} in ${message.milliseconds} ms).`);
        }
        this.pump();
        return;
      case 'open-failed': {
        const error = deserializeError(message.error, 'open');
        this.worker = undefined;
        void worker.terminate();
        if (this.firstStart) this.failStart(error);
        else this.giveUp(error, `the restarted worker could not open the engine: ${error.message}`);
        return;
      }
      case 'result':
      case 'error':
        if (this.inFlight?.call.id !== message.id) return;
        this.settleInFlight((call) => (message.type === 'result' ? call.resolve(message.value) : call.reject(deserializeError(message.error, call.method))));
        return;
    }
  }

  /** The worker stopped without being asked to. */
  private stopped(reason: string): void {
    if (this.state === 'closed') return;
    if (this.firstStart) {
      this.failStart(new WorkerStartError(reason));
      return;
    }
    this.settleInFlight((call) => call.reject(new AppError('ENGINE_UNAVAILABLE', `The engine worker stopped while answering "${call.method}" (${reason}).`)));
    this.restart(reason);
  }

  private restart(reason: string): void {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > MINUTE_MS) this.crashes.shift();
    if (this.crashes.length > this.options.maxRestartsPerMinute) {
      this.giveUp(new AppError('ENGINE_UNAVAILABLE', `The engine worker stopped ${this.crashes.length} times within a minute (last: ${reason}); it is no longer restarted.`), reason);
      return;
    }
    this.options.onCrash?.({ reason, restarting: true });
    this.state = 'starting';
    this.spawn();
  }

  private giveUp(error: AppError, reason: string): void {
    this.state = 'failed';
    this.failure = error;
    this.rejectAll(error);
    void this.dropWorker();
    this.options.onCrash?.({ reason, restarting: false });
  }

  private failStart(error: AppError): void {
    this.state = 'failed';
    this.failure = error;
    this.firstStart?.reject(error);
    this.firstStart = undefined;
  }

  private call<M extends EngineMethod>(method: M, args: Parameters<EngineCalls[M]>): Promise<ReturnType<EngineCalls[M]>> {
    if (this.state === 'closed') return Promise.reject(new AppError('ENGINE_UNAVAILABLE', `The engine is closed; cannot answer "${method}".`));
    if (this.state === 'failed') return Promise.reject(new AppError('ENGINE_UNAVAILABLE', this.failure?.message ?? 'The engine is unavailable.', { cause: this.failure }));
    return new Promise((resolve, reject) => {
      const call: PendingCall = { id: this.nextId++, method, args, resolve: resolve as (value: unknown) => void, reject };
      (QUICK_METHODS.has(method) ? this.quick : this.slow).push(call);
      this.pump();
    });
  }

  /** Sends the next queued call when the worker is ready and idle. */
  private pump(): void {
    while (this.state === 'ready' && this.worker && !this.inFlight) {
      const call = this.quick.shift() ?? this.slow.shift();
      if (!call) return;
      try {
        this.worker.postMessage({ id: call.id, method: call.method, args: call.args } as EngineRequest);
      } catch (error) {
        call.reject(new AppError('ENGINE_FAILED', `Could not send "${call.method}" to the engine: ${(error as Error).message}`));
        continue;
      }
      const timer = setTimeout(() => this.timedOut(call), this.options.requestTimeoutMs);
      timer.unref();
      this.inFlight = { call, timer };
    }
  }

  private settleInFlight(settle: (call: PendingCall) => void): void {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    clearTimeout(inFlight.timer);
    this.inFlight = undefined;
    settle(inFlight.call);
    this.pump();
  }

  private timedOut(call: PendingCall): void {
    if (this.inFlight?.call !== call) return;
    const seconds = Math.round(this.options.requestTimeoutMs / 100) / 10;
    this.inFlight = undefined;
    call.reject(new AppError('ENGINE_UNAVAILABLE', `The engine did not answer "${call.method}" within ${seconds} s; its worker is being restarted.`));
    void this.dropWorker();
    this.restart(`no answer to "${call.method}" within ${seconds} s`);
  }

  private rejectAll(error: AppError): void {
    this.settleInFlight((call) => call.reject(error));
    for (const call of this.quick.splice(0)) call.reject(error);
    for (const call of this.slow.splice(0)) call.reject(error);
  }

  private async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.rejectAll(new AppError('ENGINE_UNAVAILABLE', 'The engine was closed before it answered.'));
    await this.dropWorker();
  }

  /** Forgets the current worker (its exit then reports nothing) and stops it. */
  private dropWorker(): Promise<number> | undefined {
    const worker = this.worker;
    this.worker = undefined;
    return worker?.terminate();
  }

  private facade(): AsyncEngine {
    return {
      kind: 'worker',
      passageCount: this.passageCount,
      ask: (question: string, options?: AskOptions) => this.call('ask', options === undefined ? [question] : [question, options]),
      passage: (id: string) => this.call('passage', [id]),
      documents: () => this.documents,
      suggest: (prefix: string, limit?: number) => this.call('suggest', limit === undefined ? [prefix] : [prefix, limit]),
      findPassages: (typed: string, limit?: number) => this.call('findPassages', limit === undefined ? [typed] : [typed, limit]),
      close: () => this.close(),
    };
  }
}

/** The worker's environment: this process's, without the Discord token (the engine never needs it). */
function environmentForWorker(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'DISCORD_TOKEN') env[key] = value;
  return env;
}
