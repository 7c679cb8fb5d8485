import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { loadCorpus, type CorpusWarning } from '../corpus/index.ts';
import { AppError } from '../errors.ts';
import { corpusFingerprint } from '../index-cache/fingerprint.ts';
import { loadIndexCache, saveIndexCache } from '../index-cache/cache.ts';
import { buildSearchIndex, engineFromIndex, indexSettings, type Engine, type EngineOptions } from '../search/index.ts';

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

/**
 * Opens the engine over a corpus folder: from the index cache when it is fresh,
 * otherwise by loading and indexing the corpus (then saving the cache). A
 * missing, stale, truncated or corrupt cache is rebuilt, never a crash.
 */
export function openEngine(options: OpenEngineOptions): OpenedEngine {
  const started = performance.now();
  const dir = resolve(options.corpusDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('CORPUS_NOT_FOUND', `Corpus folder not found: ${options.corpusDir}`);
  const cachePath = options.cachePath === false ? undefined : (options.cachePath ?? defaultCachePath(dir));
  const fingerprint = cachePath ? corpusFingerprint(dir, indexSettings(options.engine)) : '';
  if (cachePath) {
    const cached = loadIndexCache(cachePath, fingerprint);
    if (cached.kind === 'loaded') {
      for (const warning of cached.warnings) options.onWarning?.(warning);
      const milliseconds = Math.round(performance.now() - started);
      options.onStatus?.(`Loaded the index of ${cached.index.documents.size} documents (${cached.index.passages.length} passages) from ${cachePath} in ${milliseconds} ms.`);
      return { engine: engineFromIndex(cached.index, options.engine), from: 'cache', milliseconds, warnings: cached.warnings };
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
  return { engine: engineFromIndex(index, options.engine), from: 'build', milliseconds, warnings: corpus.warnings };
}

/**
 * The engine the command-line tools answer from: the corpus named by `--corpus`
 * or CORPUS_DIR, the index cache from INDEX_CACHE_PATH, warnings on stderr.
 */
export function openConfiguredEngine(corpusFlag: string | undefined): Engine {
  const config = loadConfig();
  return openEngine({
    corpusDir: corpusFlag ?? config.corpusDir,
    cachePath: config.indexCachePath,
    onWarning: (warning) => console.error(formatWarning(warning)),
  }).engine;
}

/** `.cache/index-<hash>.idx` in the working directory: outside the corpus folder, one file per corpus. */
export function defaultCachePath(corpusDir: string): string {
  const key = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 12);
  return join(process.cwd(), '.cache', `index-${key}.idx`);
}

/** How a warning about a corpus file reads on a terminal. */
export function formatWarning(warning: CorpusWarning): string {
  return `warning: ${warning.file}: ${warning.message}`;
}
