import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCorpus, type CorpusFiles, type CorpusWarning } from '../corpus/index.ts';
import { AppError } from '../errors.ts';
import { buildSearchIndex, engineFromIndex, indexSettings, type Engine, type EngineOptions, type SearchIndex } from '../search/index.ts';
import { checkIndexCache, loadIndexCache, peekIndexCache, saveIndexCache, type CacheLoad, type CachePeek } from './cache.ts';
import { fingerprintCorpus } from './fingerprint.ts';

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
  /**
   * The corpus's fingerprint as a caller has just computed it (prepareIndexCache's, in the
   * sharding parent): a cache that holds it is loaded without reading the corpus again. Any
   * other cache is handled as without it: the corpus is fingerprinted, and the index rebuilt
   * when stale. Only pass one computed for this corpus folder and these engine settings.
   * @default undefined: the corpus is fingerprinted
   */
  fingerprint?: string;
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
interface OpenedIndex {
  index: SearchIndex;
  from: 'cache' | 'build';
  warnings: CorpusWarning[];
}

/** The index cache made ready by prepareIndexCache: found fresh, or built now. */
export interface PreparedIndexCache {
  from: 'cache' | 'build';
  /** The cache file checked or written; undefined when caching is off (the index was built to check the corpus). */
  cachePath: string | undefined;
  /** The corpus's fingerprint, which the cache holds (see OpenEngineOptions.fingerprint); undefined when caching is off. */
  fingerprint: string | undefined;
  documentCount: number;
  passageCount: number;
  warnings: CorpusWarning[];
  /** Time the check (and the build, if one was needed) took, in milliseconds. */
  milliseconds: number;
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
 * The index openEngine opens, without the engine over it. Each corpus file is read once:
 * the bytes hashed for the fingerprint are the ones a rebuild loads (only a cache whose
 * header is fresh but whose body turns out damaged has the corpus read again).
 */
function openIndex(options: OpenEngineOptions, started: number): OpenedIndex {
  const dir = corpusFolder(options.corpusDir);
  const cachePath = cachePathFor(dir, options.cachePath);
  if (!cachePath) return buildIndex(dir, options, started);
  // Why the cache holding the given fingerprint could not be loaded: not tried again if that is the corpus's.
  let damaged: Extract<CacheLoad, { kind: 'rebuild' }> | undefined;
  if (options.fingerprint !== undefined && peekIndexCache(cachePath, options.fingerprint).kind === 'fresh') {
    const cached = loadIndexCache(cachePath, options.fingerprint);
    if (cached.kind === 'loaded') {
      options.onStatus?.('The corpus was not read: the index cache holds the fingerprint the sharding parent checked.');
      return fromCache(cached, cachePath, options, started);
    }
    damaged = cached;
  }
  let { fingerprint, files }: { fingerprint: string; files?: CorpusFiles } = fingerprintCorpus(dir, indexSettings(options.engine));
  let check: CachePeek | CacheLoad = damaged !== undefined && fingerprint === options.fingerprint ? damaged : peekIndexCache(cachePath, fingerprint);
  if (check.kind !== 'rebuild') {
    // A cache that says it is fresh is decoded once the corpus's bytes are let go.
    if (check.kind === 'fresh') files = undefined;
    check = loadIndexCache(cachePath, fingerprint);
    if (check.kind === 'loaded') return fromCache(check, cachePath, options, started);
  }
  options.onStatus?.(`Building the index: ${check.reason}.`);
  // The bytes were let go for a cache that turned out damaged: read the corpus again, so the fingerprint saved is of what is indexed.
  if (files === undefined) ({ fingerprint, files } = fingerprintCorpus(dir, indexSettings(options.engine)));
  return buildIndex(dir, options, started, { cachePath, fingerprint, files });
}

/**
 * Makes the index cache fresh without opening the engine, for `npm run index` and the
 * sharding parent: a cache whose header holds the corpus's fingerprint and whose checksum
 * is sound is left as it is, its index never decoded; otherwise the index is built from the
 * bytes just fingerprinted and saved. With caching off, the index is built (to check that
 * the corpus loads) and dropped.
 */
export function prepareIndexCache(options: OpenEngineOptions): PreparedIndexCache {
  const started = performance.now();
  const dir = corpusFolder(options.corpusDir);
  const cachePath = cachePathFor(dir, options.cachePath);
  if (!cachePath) return prepared(buildIndex(dir, options, started), undefined, started);
  const { fingerprint, files } = fingerprintCorpus(dir, indexSettings(options.engine));
  const check = checkIndexCache(cachePath, fingerprint, { checksum: true });
  if (check.kind === 'rebuild') {
    options.onStatus?.(`Building the index: ${check.reason}.`);
    return prepared(buildIndex(dir, options, started, { cachePath, fingerprint, files }), { cachePath, fingerprint }, started);
  }
  for (const warning of check.warnings) options.onWarning?.(warning);
  const milliseconds = Math.round(performance.now() - started);
  options.onStatus?.(`The index cache ${cachePath} is up to date (${check.documentCount} documents, ${check.passageCount} passages); checked in ${milliseconds} ms.`);
  const { documentCount, passageCount, warnings } = check;
  return { from: 'cache', cachePath, fingerprint, documentCount, passageCount, warnings, milliseconds };
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

/** The corpus folder, resolved; an error naming it when it is not a folder. */
function corpusFolder(corpusDir: string): string {
  const dir = resolve(corpusDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('CORPUS_NOT_FOUND', `Corpus folder not found: ${corpusDir}`);
  return dir;
}

/** The cache file to use, or undefined when caching is off. */
function cachePathFor(dir: string, cachePath: string | false | undefined): string | undefined {
  return cachePath === false ? undefined : (cachePath ?? defaultCachePath(dir));
}

/** `.cache/index-<hash>.idx` in the working directory: outside the corpus folder, one file per corpus. */
function defaultCachePath(corpusDir: string): string {
  const key = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 12);
  return join(process.cwd(), '.cache', `index-${key}.idx`);
}

function fromCache(cached: Extract<CacheLoad, { kind: 'loaded' }>, cachePath: string, options: OpenEvents, started: number): OpenedIndex {
  for (const warning of cached.warnings) options.onWarning?.(warning);
  options.onStatus?.(
    `Loaded the index of ${cached.index.documents.size} documents (${cached.index.passages.length} passages) from ${cachePath} in ${Math.round(performance.now() - started)} ms.`,
  );
  return { index: cached.index, from: 'cache', warnings: cached.warnings };
}

/**
 * Loads and indexes the corpus, from the bytes already read for its fingerprint when there
 * are some, and saves the index to the cache when there is one.
 */
function buildIndex(dir: string, options: OpenEngineOptions, started: number, cache?: { cachePath: string; fingerprint: string; files: CorpusFiles | undefined }): OpenedIndex {
  const corpus = loadCorpus(dir, cache?.files ? { files: cache.files } : {});
  for (const warning of corpus.warnings) options.onWarning?.(warning);
  const index = buildSearchIndex(corpus, options.engine);
  if (cache) {
    try {
      saveIndexCache(cache.cachePath, cache.fingerprint, index, corpus.warnings);
    } catch (error) {
      options.onStatus?.(`Could not write the index cache ${cache.cachePath}: ${(error as Error).message}`);
    }
  }
  const milliseconds = Math.round(performance.now() - started);
  options.onStatus?.(
    `Indexed ${corpus.documents.length} documents into ${index.passages.length} passages in ${milliseconds} ms` +
      (corpus.warnings.length > 0 ? `; ${corpus.warnings.length} file(s) skipped or reported.` : '.'),
  );
  return { index, from: 'build', warnings: corpus.warnings };
}

/** What prepareIndexCache reports of an index it built: `cache` is where it was saved, undefined with caching off. */
function prepared(opened: OpenedIndex, cache: { cachePath: string; fingerprint: string } | undefined, started: number): PreparedIndexCache {
  const { index, from, warnings } = opened;
  return { from, cachePath: cache?.cachePath, fingerprint: cache?.fingerprint, documentCount: index.documents.size, passageCount: index.passages.length, warnings, milliseconds: Math.round(performance.now() - started) };
}
