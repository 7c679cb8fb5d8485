import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus, type CorpusWarning } from '../corpus/index.ts';
import { AppError } from '../errors.ts';
import { buildSearchIndex, engineFromIndex, indexSettings, type Engine, type EngineOptions, type SearchIndex } from '../search/index.ts';
import { loadIndexCache, saveIndexCache } from './cache.ts';
import { corpusFingerprint } from './fingerprint.ts';

/** What opening the engine reports as it goes. */
export interface OpenEvents {
  /** Called with each file that was skipped or repaired, as it is found. */
  onWarning?: (warning: CorpusWarning) => void;
  /** Called with one line about what happened to the index (loaded, or rebuilt and why). */
  onStatus?: (message: string) => void;
}

export interface OpenEngineOptions extends OpenEvents {
  corpusDir: string;
  /**
   * Where the built index is cached, or false to always build it.
   * @default `.cache/index-<hash of the corpus path>.idx` under the working directory
   */
  cachePath?: string | false;
  engine?: EngineOptions;
}

export interface OpenedEngine {
  engine: Engine;
  /** Whether the index came from the cache or was built now. */
  from: 'cache' | 'build';
  /** Time from the call to a ready engine, in milliseconds. */
  milliseconds: number;
  warnings: CorpusWarning[];
}

/** An index opened as openEngine opens it, without the engine over it. */
export interface OpenedIndex {
  index: SearchIndex;
  from: 'cache' | 'build';
  warnings: CorpusWarning[];
  /** The cache file read or written; undefined when caching is off. */
  cachePath: string | undefined;
}

/**
 * Opens the engine over a corpus folder: from the index cache when it is fresh,
 * otherwise by loading and indexing the corpus (then saving the cache). A
 * missing, stale, truncated or corrupt cache is rebuilt, never a crash.
 */
export function openEngine(options: OpenEngineOptions): OpenedEngine {
  const started = performance.now();
  const { index, from, warnings } = openIndex(options, started);
  return { engine: engineFromIndex(index, options.engine), from, milliseconds: Math.round(performance.now() - started), warnings };
}

/**
 * The index openEngine opens, for callers that only need it built or cached
 * (`npm run index`, the sharding parent): no engine is made over it.
 */
export function openIndex(options: OpenEngineOptions, started = performance.now()): OpenedIndex {
  const dir = resolve(options.corpusDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('CORPUS_NOT_FOUND', `Corpus folder not found: ${options.corpusDir}`);
  const cachePath = options.cachePath === false ? undefined : (options.cachePath ?? defaultCachePath(dir));
  const fingerprint = cachePath ? corpusFingerprint(dir, indexSettings(options.engine)) : '';
  if (cachePath) {
    const cached = loadIndexCache(cachePath, fingerprint);
    if (cached.kind === 'loaded') {
      for (const warning of cached.warnings) options.onWarning?.(warning);
      options.onStatus?.(
        `Loaded the index of ${cached.index.documents.size} documents (${cached.index.passages.length} passages) from ${cachePath} in ${Math.round(performance.now() - started)} ms.`,
      );
      return { index: cached.index, from: 'cache', warnings: cached.warnings, cachePath };
    }
    options.onStatus?.(`Building the index: ${cached.reason}.`);
  }
  const corpus = loadCorpus(dir);
  for (const warning of corpus.warnings) options.onWarning?.(warning);
  const index = buildSearchIndex(corpus, options.engine);
  if (cachePath) {
    try {
      saveIndexCache(cachePath, fingerprint, index, corpus.warnings);
    } catch (error) {
      options.onStatus?.(`Could not write the index cache ${cachePath}: ${(error as Error).message}`);
    }
  }
  const milliseconds = Math.round(performance.now() - started);
  options.onStatus?.(
    `Indexed ${corpus.documents.length} documents into ${index.passages.length} passages in ${milliseconds} ms` +
      (corpus.warnings.length > 0 ? `; ${corpus.warnings.length} file(s) skipped or reported.` : '.'),
  );
  return { index, from: 'build', warnings: corpus.warnings, cachePath };
}

/**
 * Opens the engine from a prebuilt index cache file (saveIndexCache), as it is: the file
 * must hold that fingerprint. Throws when it cannot be loaded, with why.
 */
export function openCacheFile(path: string, fingerprint: string, engine?: EngineOptions, events: OpenEvents = {}): OpenedEngine {
  const started = performance.now();
  const loaded = loadIndexCache(path, fingerprint);
  if (loaded.kind !== 'loaded') throw new AppError('ENGINE_UNAVAILABLE', `Could not load the index cache ${path}: ${loaded.reason}.`);
  // The file warnings saved with the index are passed on.
  for (const warning of loaded.warnings) events.onWarning?.(warning);
  return { engine: engineFromIndex(loaded.index, engine), from: 'cache', milliseconds: Math.round(performance.now() - started), warnings: loaded.warnings };
}

/** `.cache/index-<hash>.idx` in the working directory: outside the corpus folder, one file per corpus. */
function defaultCachePath(corpusDir: string): string {
  const key = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 12);
  return join(process.cwd(), '.cache', `index-${key}.idx`);
}
