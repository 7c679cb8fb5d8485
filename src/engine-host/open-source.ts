import { openCacheFile, openEngine, type OpenedEngine } from '../index-cache/open.ts';
import type { EngineSource, OpenEvents } from './types.ts';

/** A synchronous engine opened from a source, with how. */
export type OpenedSource = Omit<OpenedEngine, 'warnings'>;

/**
 * Opens the engine a source names, on the calling thread: a corpus folder as openEngine does
 * (from the index cache when fresh), or a prebuilt cache file as is. Used inside the worker
 * and for the in-process engine, so both open the same way.
 */
export function openEngineSource(source: EngineSource, events: OpenEvents = {}): OpenedSource {
  // Only the events are passed on: the caller's options object holds more (worker, onCrash, ...).
  const only: OpenEvents = { ...(events.onWarning ? { onWarning: events.onWarning } : {}), ...(events.onStatus ? { onStatus: events.onStatus } : {}) };
  const { engine, from, milliseconds } =
    source.kind === 'corpus'
      ? openEngine({
          corpusDir: source.corpusDir,
          ...(source.cachePath !== undefined ? { cachePath: source.cachePath } : {}),
          ...(source.engine ? { engine: source.engine } : {}),
          ...only,
        })
      : openCacheFile(source.path, source.fingerprint, source.engine, only);
  return { engine, from, milliseconds };
}
