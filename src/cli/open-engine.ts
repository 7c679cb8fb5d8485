import { loadCorpus, type CorpusWarning } from '../corpus/index.ts';
import { createEngine, type Engine } from '../search/index.ts';

export interface OpenEngineOptions {
  corpusDir: string;
  /** Called with each file that was skipped or repaired, as it is found. */
  onWarning?: (warning: CorpusWarning) => void;
}

/** Loads the corpus folder and builds the engine over it. */
export function openEngine(options: OpenEngineOptions): Engine {
  const corpus = loadCorpus(options.corpusDir);
  for (const warning of corpus.warnings) options.onWarning?.(warning);
  return createEngine(corpus);
}

/** How a warning about a corpus file reads on a terminal. */
export function formatWarning(warning: CorpusWarning): string {
  return `warning: ${warning.file}: ${warning.message}`;
}
