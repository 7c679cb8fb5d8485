export type { Corpus, CorpusWarning, Document, Passage, Section, Span } from './types.ts';
export { buildDocuments, slugFromFile, type DocumentMeta, type SourceText } from './document.ts';
export { loadCorpus, listCorpusFiles, readCorpusFiles, ALIAS_FILE, type CorpusFiles, type LoadOptions, type ReadCorpusFilesOptions } from './load.ts';
export { loadEnglishLexicon } from '../text/lexicon.ts';
export { splitIntoPassages, sectionAt, defaultSplitOptions, type SplitOptions } from './split.ts';
