import { loadConfig } from '../config.ts';
import type { CorpusWarning } from '../corpus/index.ts';
import { openEngine } from '../index-cache/open.ts';
import type { Engine } from '../search/index.ts';

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

/** How a warning about a corpus file reads on a terminal. */
export function formatWarning(warning: CorpusWarning): string {
  return `warning: ${warning.file}: ${warning.message}`;
}
