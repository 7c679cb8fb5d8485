import type { WordVectors } from './word-vectors.ts';
import { idf, type SearchIndex } from './index-build.ts';
import { boundedMemo, perObject } from './memo.ts';
import { tokenize } from './analyzer.ts';
import { writtenForm } from './vocabulary.ts';

/**
 * How closely texts mean what a question asks: for each word of the question,
 * how close in meaning the closest word of the text and of its section heading
 * comes (by word vectors: about 1 for the word itself, 0 for none related or
 * opposed), averaged by the question words' weights. A paraphrase scores where
 * the search's exact terms do not: "bankrolls" is close to "subsidizes". Each
 * question word weighs as rarely as the corpus writes it in that very form
 * (its inverse document frequency as written, not stemmed, which the index
 * counts as it is built): a word the passages do not write as asked is where
 * a paraphrase is likely.
 *
 * A word without a vector (numbers, most model names: "f-16" has one,
 * "shahed-136" none) counts 1 where the text writes it as asked and 0
 * elsewhere: no vector says that "2023" is nearer "2022" than "reached", and
 * leaving such words out would favour a text that matches the question's
 * other words loosely over one that holds its year or its model. One that no
 * passage writes is left out, as it could only lower every text's share alike.
 */
export function meaningOf(index: SearchIndex, question: string, vectors: WordVectors): ((position: number, start: number, end: number) => number) | undefined {
  const passages = index.passages.length;
  /** Each question word's code (see `codeOf`) and weight. */
  const codes: number[] = [];
  const weights: number[] = [];
  for (const word of new Set(wordsOf(question).map(({ word }) => word))) {
    const code = codeOf(index, vectors, word);
    if (code === undefined) continue;
    codes.push(code);
    weights.push(idf(passages, index.vocabulary.writtenFrequency(word)));
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return undefined;
  // Excerpts of one passage share most words: each word's closeness to each question word is worked out once.
  const closeness = new Map<number, Float32Array>();
  const closest = new Float32Array(codes.length);
  const take = (code: number): void => {
    let values = closeness.get(code);
    if (!values) {
      values = new Float32Array(codes.length);
      for (let i = 0; i < codes.length; i++) {
        const wanted = codes[i]!;
        if (wanted >= 0 && code >= 0) values[i] = vectors.similarity(wanted, code);
        else if (wanted === code) values[i] = 1;
      }
      closeness.set(code, values);
    }
    for (let i = 0; i < values.length; i++) if (values[i]! > closest[i]!) closest[i] = values[i]!;
  };
  const wordsOfPassage = passageCodes(vectors)(index);
  return (position, start, end) => {
    closest.fill(0);
    const { section, codes: text, starts } = wordsOfPassage(position);
    for (const code of section) take(code);
    for (let i = 0; i < text.length; i++) if (starts[i]! >= start && starts[i]! < end) take(text[i]!);
    let matched = 0;
    for (let i = 0; i < weights.length; i++) matched += weights[i]! * closest[i]!;
    return matched / total;
  };
}

/**
 * How a word is compared: by its row of vectors (0 or more), or, without one,
 * by the number of its written form, made negative (-1 for the first); undefined
 * for a word with neither, which no passage's text writes.
 */
function codeOf(index: SearchIndex, vectors: WordVectors, word: string): number | undefined {
  const row = vectors.rowOf(word);
  if (row !== undefined) return row;
  const id = index.vocabulary.writtenId(word);
  return id === undefined ? undefined : -1 - id;
}

/** The codes (see `codeOf`) of a passage's words, with where each starts in its text, and of its section heading's words. */
interface PassageCodes {
  section: readonly number[];
  codes: Int32Array;
  starts: Int32Array;
}

/** Passages whose codes are kept per index; past this many, the table starts afresh rather than grow with a large corpus. */
const MAX_KEPT_PASSAGES = 20_000;

/** Each index's passages' codes for each table of vectors, worked out when an excerpt of the passage is first ranked. */
const passageCodes = perObject((vectors: WordVectors) =>
  perObject((index: SearchIndex) => boundedMemo((position: number) => codesOfPassage(index, vectors, position), MAX_KEPT_PASSAGES)),
);

function codesOfPassage(index: SearchIndex, vectors: WordVectors, position: number): PassageCodes {
  const passage = index.passages[position]!;
  const codes: number[] = [];
  const starts: number[] = [];
  for (const { word, start } of wordsOf(passage.text)) {
    const code = codeOf(index, vectors, word);
    if (code !== undefined) {
      codes.push(code);
      starts.push(start);
    }
  }
  const section = [...new Set(wordsOf(passage.section).flatMap(({ word }) => codeOf(index, vectors, word) ?? []))];
  return { section, codes: Int32Array.from(codes), starts: Int32Array.from(starts) };
}

/**
 * The words of a text as the index counts them ({@link writtenForm}: the
 * analyzer's tokens, lowercased, without a possessive ending, no stop
 * words), with where each starts.
 */
function wordsOf(text: string): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  for (const { raw, start } of tokenize(text)) {
    const word = writtenForm(raw.toLowerCase());
    if (word !== undefined) words.push({ word, start });
  }
  return words;
}
