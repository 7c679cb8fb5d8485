import type { CorpusWarning } from '../corpus/types.ts';
import type { Answer, AskOptions, DocumentSummary, PassageView } from '../search/index.ts';
import type { SerializedError } from './errors.ts';
import type { EngineSource, PassageMatch } from './types.ts';

/** The engine calls a worker answers, with their arguments and results. */
export interface EngineCalls {
  ask(question: string, options?: AskOptions): Answer;
  passage(id: string): PassageView | undefined;
  suggest(prefix: string, limit?: number): string[];
  findPassages(typed: string, limit?: number): PassageMatch[];
}

export type EngineMethod = keyof EngineCalls;

/** Main thread → worker: one call, answered by a response with the same id. */
export type EngineRequest = { [M in EngineMethod]: { id: number; method: M; args: Parameters<EngineCalls[M]> } }[EngineMethod];

/** Worker → main thread. */
export type WorkerMessage =
  | { type: 'ready'; documents: DocumentSummary[]; passageCount: number; from: 'cache' | 'build'; milliseconds: number }
  | { type: 'open-failed'; error: SerializedError }
  | { type: 'warning'; warning: CorpusWarning }
  | { type: 'status'; message: string }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: SerializedError };

/** What the worker is started with (workerData). */
export interface WorkerData {
  /** The module the bootstrap imports (a file: URL): the worker's real entry. */
  entry: string;
  source: EngineSource;
}

/** Requests that are quick to answer; they go ahead of queued questions so autocomplete stays snappy. */
export const QUICK_METHODS: ReadonlySet<EngineMethod> = new Set(['passage', 'suggest', 'findPassages']);
