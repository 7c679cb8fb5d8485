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
  const { onWarning, onStatus } = events;
  return source.kind === 'corpus'
    ? openEngine({ corpusDir: source.corpusDir, cachePath: source.cachePath, engine: source.engine, fingerprint: source.fingerprint, onWarning, onStatus })
    : openCacheFile(source.path, source.fingerprint, source.engine, { onWarning, onStatus });
}
