import { withoutPossessive } from './analyzer.ts';
import { isSearchStopWord } from '../text/stopwords.ts';

/**
 * The index terms of a corpus, numbered, with how many passages hold each and
 * a word that shows it; and the words of the passages' text as written, with
 * how many passages write each.
 */
export interface Vocabulary {
  /** How many distinct terms the corpus has. */
  readonly size: number;
  /** The term with this id. */
  term(id: number): string;
  /** The id of a term; undefined when the corpus never uses it. */
  id(term: string): number | undefined;
  has(term: string): boolean;
  /** In how many passages the term occurs, in any indexed field; 0 when never. */
  documentFrequency(term: string): number;
  /** A word of the corpus as written (lowercased) that analyses to the term, to show completions. */
  surfaceForm(term: string): string | undefined;
  /**
   * In how many passages' text a word occurs in that very form ({@link writtenForm}:
   * "populated", not "population"); 0 when never, and for stop words, which are not counted.
   */
  writtenFrequency(word: string): number;
  /** The number of a word of the passages' text as written ({@link writtenForm}); undefined when no passage writes it so. */
  writtenId(word: string): number | undefined;
  /** The plain arrays behind it, to save in the index cache. */
  readonly data: VocabularyData;
}

export interface VocabularyData {
  terms: readonly string[];
  /** Document frequency per term id. */
  frequencies: Int32Array;
  /** Surface form per term id. */
  surfaceForms: readonly string[];
  /** The words of the passages' text as written ({@link writtenForm}), each once; no stop words. */
  writtenForms: readonly string[];
  /** In how many passages each of those occurs. */
  writtenFrequencies: Int32Array;
}

/**
 * The form by which the index counts a word as written, given lowercased:
 * without a possessive ending, with straight apostrophes (most words have
 * none, and are their own form); undefined for a stop word, which is not
 * counted. The one rule for both the count and the words looked up in it.
 */
export function writtenForm(lower: string): string | undefined {
  const form = !lower.includes("'") && !lower.includes('\u2019') ? lower : withoutPossessive(lower).replace(/\u2019/g, "'");
  return isSearchStopWord(form) ? undefined : form;
}

/** Counts terms passage by passage into a Vocabulary. */
export interface VocabularyBuilder {
  /** Starts counting the terms of the next passage. */
  nextPassage(): void;
  /** Adds an occurrence of a term in the current passage; returns its id. */
  add(term: string, surfaceForm: string): number;
  /** Adds a word of the current passage's text as written ({@link writtenForm}). */
  addWritten(form: string): void;
  finish(): Vocabulary;
}

export function createVocabularyBuilder(): VocabularyBuilder {
  const terms = passageCounter();
  const surfaceForms: string[] = [];
  const written = passageCounter();
  let passage = -1;
  return {
    nextPassage: () => void passage++,
    add(term, surfaceForm) {
      const id = terms.count(term, passage);
      if (id === surfaceForms.length) surfaceForms.push(surfaceForm);
      return id;
    },
    addWritten: (form) => void written.count(form, passage),
    finish: () =>
      vocabularyFrom(
        { terms: terms.keys, frequencies: Int32Array.from(terms.passages), surfaceForms, writtenForms: written.keys, writtenFrequencies: Int32Array.from(written.passages) },
        terms.ids,
        written.ids,
      ),
  };
}

/** Numbers strings in the order they first come, and counts for each how many passages hold it. */
function passageCounter() {
  const ids = new Map<string, number>();
  const keys: string[] = [];
  const passages: number[] = [];
  const lastPassage: number[] = [];
  return {
    ids,
    keys,
    passages,
    /** Counts the key in the passage (once per passage); returns its number. */
    count(key: string, passage: number): number {
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.length;
        ids.set(key, id);
        keys.push(key);
        passages.push(0);
        lastPassage.push(-1);
      }
      if (lastPassage[id] !== passage) {
        lastPassage[id] = passage;
        passages[id]!++;
      }
      return id;
    },
  };
}

/**
 * A Vocabulary over saved arrays (the term → id map is rebuilt; the written
 * words' map only when a written word is first looked up, as an engine
 * without word vectors never does).
 */
export function vocabularyFrom(data: VocabularyData, ids = new Map(data.terms.map((term, id) => [term, id])), writtenIds?: ReadonlyMap<string, number>): Vocabulary {
  let written = writtenIds;
  const writtenId = (word: string): number | undefined => {
    written ??= new Map(data.writtenForms.map((form, id) => [form, id]));
    return written.get(word);
  };
  return {
    size: data.terms.length,
    term: (id) => data.terms[id]!,
    id: (term) => ids.get(term),
    has: (term) => ids.has(term),
    documentFrequency: (term) => {
      const id = ids.get(term);
      return id === undefined ? 0 : data.frequencies[id]!;
    },
    surfaceForm: (term) => {
      const id = ids.get(term);
      return id === undefined ? undefined : data.surfaceForms[id];
    },
    writtenFrequency: (word) => {
      const id = writtenId(word);
      return id === undefined ? 0 : data.writtenFrequencies[id]!;
    },
    writtenId,
    data,
  };
}
