import type { Corpus } from '../corpus/types.ts';
import { answerQuestion, citationOf, warmUpAnswers, type AnswerOptions } from './answer.ts';
import { buildSearchIndex, type IndexOptions, type SearchIndex } from './index-build.ts';
import { suggestCompletions } from './suggest.ts';
import type { Answer, AskOptions, PassageView } from './types.ts';

/** A document as listed to users. */
export interface DocumentSummary {
  id: string;
  title: string;
  source?: string;
  url?: string;
  file: string;
  passageCount: number;
  /** Section headings in order. */
  sections: string[];
}

export interface EngineOptions extends IndexOptions {
  /** Defaults for every question (limit and offset still come per question). */
  answer?: Omit<AnswerOptions, 'limit' | 'offset'>;
}

/** The answer engine: everything the terminal and the Discord bot ask of the corpus. */
export interface Engine {
  readonly index: SearchIndex;
  ask(question: string, options?: AskOptions): Answer;
  /** A passage in full with its neighbours, by id (`doc#12`); undefined when unknown. */
  passage(id: string): PassageView | undefined;
  documents(): DocumentSummary[];
  /** Completions of a partly typed question, drawn from the corpus vocabulary and headings. */
  suggest(prefix: string, limit?: number): string[];
  /**
   * Does now the work the first typo or completion would otherwise wait for
   * (restoring MiniSearch's term tree from the cache, ~1 s per 100k passages)
   * and the word lists and corpus tables the first questions read.
   */
  warmUp(): void;
}

/** Builds the index of a loaded corpus and wraps it in an Engine. */
export function createEngine(corpus: Corpus, options: EngineOptions = {}): Engine {
  return engineFromIndex(buildSearchIndex(corpus, options), options);
}

/** Wraps an index (built now or loaded from a cache) in an Engine. */
export function engineFromIndex(index: SearchIndex, options: EngineOptions = {}): Engine {
  const summaries = summarize(index);
  return {
    index,
    ask: (question, askOptions = {}) => answerQuestion(index, question, { ...options.answer, ...askOptions }),
    passage: (id) => viewPassage(index, id),
    documents: () => summaries,
    suggest: (prefix, limit = 25) => suggestCompletions(index, prefix, limit),
    warmUp: () => {
      void index.miniSearch.documentCount;
      warmUpAnswers(index, options.answer);
    },
  };
}

function viewPassage(index: SearchIndex, id: string): PassageView | undefined {
  const position = index.passageById.get(id.trim());
  if (position === undefined) return undefined;
  const passage = index.passages[position]!;
  const previous = index.passages[position - 1];
  const next = index.passages[position + 1];
  return {
    passage,
    citation: citationOf(index, position),
    ...(previous?.docId === passage.docId ? { previousId: previous.id } : {}),
    ...(next?.docId === passage.docId ? { nextId: next.id } : {}),
  };
}

function summarize(index: SearchIndex): DocumentSummary[] {
  const counts = new Map<string, number>();
  for (const passage of index.passages) counts.set(passage.docId, (counts.get(passage.docId) ?? 0) + 1);
  return [...index.documents.values()].map((document) => ({
    id: document.id,
    title: document.title,
    ...(document.source ? { source: document.source } : {}),
    ...(document.url ? { url: document.url } : {}),
    file: document.file,
    passageCount: counts.get(document.id) ?? 0,
    sections: document.sections.map((section) => section.heading),
  }));
}
