export type { Answer, AskOptions, Citation, Excerpt, HighlightSpan, PassageView } from './types.ts';
export { createEngine, engineFromIndex, type DocumentSummary, type Engine, type EngineOptions } from './engine.ts';
export { answerQuestion, searchCandidates, MAX_QUESTION_CHARS, type AnswerOptions } from './answer.ts';
export { buildSearchIndex, assembleIndex, indexSettings, miniSearchOptions, type IndexOptions, type SearchIndex } from './index-build.ts';
export { analyze, termsOf, tokenize } from './analyzer.ts';
