import { AppError } from '../errors.ts';
import { loadIndexCache } from '../index-cache/cache.ts';
import { openEngine, type OpenedEngine } from '../cli/open-engine.ts';
import { engineFromIndex } from '../search/index.ts';
import type { EngineSource, OpenEvents } from './types.ts';

/** A synchronous engine opened from a source, with how. */
export type OpenedSource = Omit<OpenedEngine, 'warnings'>;

/**
 * Opens the engine a source names, on the calling thread: a corpus folder as openEngine does
 * (from the index cache when fresh), or a prebuilt cache file as is. Used inside the worker
 * and for the in-process engine, so both open the same way.
 */
export function openEngineSource(source: EngineSource, events: OpenEvents = {}): OpenedSource {
  if (source.kind === 'corpus') {
    return openEngine({
      corpusDir: source.corpusDir,
      ...(source.cachePath !== undefined ? { cachePath: source.cachePath } : {}),
      ...(source.engine ? { engine: source.engine } : {}),
      // Only the events: the caller's options object holds more (worker, onCrash, ...).
      ...(events.onWarning ? { onWarning: events.onWarning } : {}),
      ...(events.onStatus ? { onStatus: events.onStatus } : {}),
    });
  }
  const started = performance.now();
  const loaded = loadIndexCache(source.path, source.fingerprint);
  if (loaded.kind !== 'loaded') throw new AppError('ENGINE_UNAVAILABLE', `Could not load the index cache ${source.path}: ${loaded.reason}.`);
  for (const warning of loaded.warnings) events.onWarning?.(warning);
  const engine = engineFromIndex(loaded.index, source.engine);
  return { engine, from: 'cache', milliseconds: Math.round(performance.now() - started) };
}
