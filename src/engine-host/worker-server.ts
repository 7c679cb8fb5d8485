import type { MessagePort } from 'node:worker_threads';
import type { Engine } from '../search/index.ts';
import { serializeError } from './errors.ts';
import { findPassages } from './find-passages.ts';
import type { OpenedSource } from './open-source.ts';
import type { EngineRequest, WorkerMessage } from './protocol.ts';
import type { OpenEvents } from './types.ts';

/**
 * The worker side: opens the engine (reporting warnings and status lines to the main
 * thread), says 'ready' with the documents, then answers each request on `port` with a
 * result or an error carrying the same id. When opening fails it says 'open-failed' and
 * answers nothing.
 */
export function serveEngine(port: Pick<MessagePort, 'on' | 'postMessage'>, open: (events: OpenEvents) => OpenedSource): void {
  const post = (message: WorkerMessage): void => port.postMessage(message);
  let opened: OpenedSource;
  try {
    opened = open({ onWarning: (warning) => post({ type: 'warning', warning }), onStatus: (message) => post({ type: 'status', message }) });
  } catch (error) {
    post({ type: 'open-failed', error: serializeError(error) });
    return;
  }
  const { engine } = opened;
  port.on('message', (request: EngineRequest) => {
    let value: unknown;
    try {
      value = call(engine, request);
    } catch (error) {
      post({ type: 'error', id: request.id, error: serializeError(error) });
      return;
    }
    try {
      post({ type: 'result', id: request.id, value });
    } catch (error) {
      // A value that does not survive structured clone: say so rather than leave the caller waiting.
      post({ type: 'error', id: request.id, error: serializeError(error) });
    }
  });
  post({ type: 'ready', documents: engine.documents(), passageCount: engine.index.passages.length, from: opened.from, milliseconds: opened.milliseconds });
  // Answer first, then finish loading what only typos and completions need.
  setImmediate(() => engine.warmUp());
}

function call(engine: Engine, request: EngineRequest): unknown {
  switch (request.method) {
    case 'ask':
      return engine.ask(...request.args);
    case 'passage':
      return engine.passage(...request.args);
    case 'suggest':
      return engine.suggest(...request.args);
    case 'findPassages':
      return findPassages(engine, ...request.args);
  }
}
