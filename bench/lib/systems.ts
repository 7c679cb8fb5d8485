import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { slugFromFile } from '../../src/corpus/index.ts';
import { createEngine, type Engine } from '../../src/search/index.ts';
import { benchDocuments, squadCorpus, type Article } from './squad.ts';

/** What a system returns for a question: ranked excerpt texts, or an abstention. */
export type Retrieval = { kind: 'excerpts'; texts: string[] } | { kind: 'abstained' };

/** A retrieval system under test, built over the corpus. */
export interface QaSystem {
  name: string;
  buildMs: number;
  ask(question: string): Retrieval;
}

export const TOP_K = 5;
/** Longest window of whole sentences the baselines index. */
const WINDOW_CHARS = 400;

/** This engine: one document per article, the question asked as a user would. */
export function engineSystem(articles: readonly Article[]): QaSystem & { engine: Engine } {
  const started = performance.now();
  const sources = articles.map(({ title, paragraphs }) => ({ file: `${slugFromFile(title)}.txt`, raw: paragraphs.join('\n\n'), meta: { title } }));
  const engine = createEngine(squadCorpus(benchDocuments(sources)));
  return {
    name: 'this engine',
    buildMs: performance.now() - started,
    engine,
    ask: (question) => {
      const answer = engine.ask(question, { limit: TOP_K });
      return answer.kind === 'answered' ? { kind: 'excerpts', texts: answer.excerpts.map((e) => e.text) } : { kind: 'abstained' };
    },
  };
}

/** MiniSearch with its default options over the sentence windows. */
export function miniSearchSystem(windows: readonly string[]): QaSystem {
  const started = performance.now();
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['text'] });
  index.addAll(windows.map((text, id) => ({ id, text })));
  return {
    name: 'MiniSearch defaults',
    buildMs: performance.now() - started,
    ask: (question) => ({ kind: 'excerpts', texts: index.search(question).slice(0, TOP_K).map((r) => windows[r.id as number]!) }),
  };
}

/** Lunr with its default pipeline over the sentence windows; query syntax is stripped from the question. */
export function lunrSystem(windows: readonly string[]): QaSystem {
  const started = performance.now();
  const index = lunr(function () {
    this.ref('id');
    this.field('text');
    windows.forEach((text, id) => this.add({ id: String(id), text }));
  });
  return {
    name: 'Lunr',
    buildMs: performance.now() - started,
    ask: (question) => {
      try {
        const results = index.search(question.replace(/[:^~*+\-\\]/g, ' '));
        return { kind: 'excerpts', texts: results.slice(0, TOP_K).map((r) => windows[Number(r.ref)]!) };
      } catch {
        return { kind: 'excerpts', texts: [] };
      }
    },
  };
}

/** Every paragraph cut into windows of consecutive sentences up to 400 characters; none crosses paragraphs. */
export function sentenceWindows(articles: readonly Article[]): string[] {
  return articles.flatMap((article) => article.paragraphs.flatMap((paragraph) => packSentences(paragraph, WINDOW_CHARS)));
}

function packSentences(paragraph: string, maxChars: number): string[] {
  const sentences = (paragraph.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [paragraph]).map((s) => s.trim()).filter(Boolean);
  const windows: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + 1 + sentence.length > maxChars) {
      windows.push(current);
      current = '';
    }
    current = current ? `${current} ${sentence}` : sentence;
  }
  if (current) windows.push(current);
  return windows;
}
