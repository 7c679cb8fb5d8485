import type { WordVectors } from './word-vectors.ts';
import type { SearchIndex } from './index-build.ts';
import { boundedMemo, perObject } from './memo.ts';
import { tokenize } from './analyzer.ts';
import { writtenForm } from './vocabulary.ts';

/** A question word as word vectors see it: its row, and its weight. */
interface MeaningWord {
  row: number;
  weight: number;
}

/**
 * How closely texts mean what a question asks, by word vectors: for each
 * word of the question, the similarity of the closest word of the text (about
 * 1 for the word itself, 0 for none related or opposed), averaged by the
 * question words' weights. A paraphrase scores where the search's exact terms
 * do not: "bankrolls" is close to "subsidizes". Each question word weighs as
 * rarely as the corpus writes it in that very form (its inverse document
 * frequency as written, not stemmed, which the index counts as it is built):
 * a word the passages do not write as asked is where a paraphrase is likely.
 * Words without a vector (numbers, most model names: "f-16" has one,
 * "shahed-136" none) are left out: the search matches them as they are.
 */
export function meaningOf(index: SearchIndex, question: string, vectors: WordVectors): ((position: number, start: number, end: number) => number) | undefined {
  const passages = index.passages.length;
  const asked: MeaningWord[] = [];
  for (const word of new Set(wordsOf(question).map(({ word }) => word))) {
    const row = vectors.rowOf(word);
    if (row !== undefined) asked.push({ row, weight: Math.log((passages + 1) / (index.vocabulary.writtenFrequency(word) + 0.5)) });
  }
  const total = asked.reduce((sum, { weight }) => sum + weight, 0);
  if (total <= 0) return undefined;
  // Excerpts of one passage share most words: each word's similarity to each question word is worked out once.
  const similarities = new Map<number, Float32Array>();
  const closest = new Float32Array(asked.length);
  const take = (row: number): void => {
    let values = similarities.get(row);
    if (!values) {
      values = new Float32Array(asked.length);
      for (let i = 0; i < asked.length; i++) values[i] = vectors.similarity(asked[i]!.row, row);
      similarities.set(row, values);
    }
    for (let i = 0; i < values.length; i++) if (values[i]! > closest[i]!) closest[i] = values[i]!;
  };
  const rowsOf = passageRows(vectors)(index);
  return (position, start, end) => {
    closest.fill(0);
    const { section, rows, starts } = rowsOf(position);
    for (const row of section) take(row);
    for (let i = 0; i < rows.length; i++) if (starts[i]! >= start && starts[i]! < end) take(rows[i]!);
    let matched = 0;
    asked.forEach(({ weight }, i) => (matched += weight * closest[i]!));
    return matched / total;
  };
}

/** The vector rows of a passage's words, with where each starts in its text, and of its section heading's words. */
interface PassageRows {
  section: readonly number[];
  rows: Int32Array;
  starts: Int32Array;
}

/** Passages whose rows are kept per index; past this many, the table starts afresh rather than grow with a large corpus. */
const MAX_KEPT_PASSAGES = 20_000;

/** Each index's passages' rows in each table of vectors, worked out when an excerpt of the passage is first ranked. */
const passageRows = perObject((vectors: WordVectors) =>
  perObject((index: SearchIndex) => boundedMemo((position: number) => rowsOfPassage(index, vectors, position), MAX_KEPT_PASSAGES)),
);

function rowsOfPassage(index: SearchIndex, vectors: WordVectors, position: number): PassageRows {
  const passage = index.passages[position]!;
  const rows: number[] = [];
  const starts: number[] = [];
  for (const { word, start } of wordsOf(passage.text)) {
    const row = vectors.rowOf(word);
    if (row !== undefined) {
      rows.push(row);
      starts.push(start);
    }
  }
  const section = [...new Set(wordsOf(passage.section).flatMap(({ word }) => vectors.rowOf(word) ?? []))];
  return { section, rows: Int32Array.from(rows), starts: Int32Array.from(starts) };
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
