/** The index terms of a corpus, numbered, with how many passages hold each and a word that shows it. */
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
  /** The plain arrays behind it, to save in the index cache. */
  readonly data: VocabularyData;
}

export interface VocabularyData {
  terms: readonly string[];
  /** Document frequency per term id. */
  frequencies: Int32Array;
  /** Surface form per term id. */
  surfaceForms: readonly string[];
}

/** Counts terms passage by passage into a Vocabulary. */
export interface VocabularyBuilder {
  /** Starts counting the terms of the next passage. */
  nextPassage(): void;
  /** Adds an occurrence of a term in the current passage; returns its id. */
  add(term: string, surfaceForm: string): number;
  finish(): Vocabulary;
}

export function createVocabularyBuilder(): VocabularyBuilder {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const surfaceForms: string[] = [];
  const frequencies: number[] = [];
  const lastPassage: number[] = [];
  let passage = -1;
  return {
    nextPassage: () => void passage++,
    add(term, surfaceForm) {
      let id = ids.get(term);
      if (id === undefined) {
        id = terms.length;
        ids.set(term, id);
        terms.push(term);
        surfaceForms.push(surfaceForm);
        frequencies.push(0);
        lastPassage.push(-1);
      }
      if (lastPassage[id] !== passage) {
        lastPassage[id] = passage;
        frequencies[id]!++;
      }
      return id;
    },
    finish: () => vocabularyFrom({ terms, frequencies: Int32Array.from(frequencies), surfaceForms }, ids),
  };
}

/** A Vocabulary over saved arrays (the term → id map is rebuilt). */
export function vocabularyFrom(data: VocabularyData, ids = new Map(data.terms.map((term, id) => [term, id]))): Vocabulary {
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
    data,
  };
}
