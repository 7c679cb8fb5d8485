import { AppError } from '../errors.ts';
import type { Engine } from '../search/index.ts';
import { findPassages } from './find-passages.ts';
import { engineFailure } from './errors.ts';
import type { AsyncEngine } from './types.ts';

/**
 * An Engine behind the async interface, answering on the calling thread: each question
 * still blocks the event loop while it is answered. For tests, small corpora and
 * ENGINE_WORKER=off. A throwing engine becomes a rejected promise; after close() every
 * call rejects.
 */
export function inProcessEngine(engine: Engine): AsyncEngine {
  let closed = false;
  const run = async <T>(method: string, answer: () => T): Promise<T> => {
    if (closed) throw new AppError('ENGINE_UNAVAILABLE', `The engine is closed; cannot answer "${method}".`);
    try {
      return answer();
    } catch (error) {
      throw engineFailure(method, error);
    }
  };
  return {
    kind: 'in-process',
    passageCount: engine.index.passages.length,
    ask: (question, options) => run('ask', () => engine.ask(question, options)),
    passage: (id) => run('passage', () => engine.passage(id)),
    documents: () => engine.documents(),
    suggest: (prefix, limit) => run('suggest', () => engine.suggest(prefix, limit)),
    findPassages: (typed, limit) => run('findPassages', () => findPassages(engine, typed, limit)),
    close: async () => {
      closed = true;
    },
  };
}
