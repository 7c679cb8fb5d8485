export type { Corpus, CorpusWarning, Document, Passage, Section, Span } from './types.ts';
export { buildDocuments, slugFromFile, type DocumentMeta, type SourceText } from './document.ts';
export { loadCorpus, listCorpusFiles, ALIAS_FILE, type LoadOptions } from './load.ts';
export { loadEnglishLexicon } from '../text/lexicon.ts';
export { splitIntoPassages, sectionAt, defaultSplitOptions, type SplitOptions } from './split.ts';
