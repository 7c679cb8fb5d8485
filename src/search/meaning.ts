import type { WordVectors } from './word-vectors.ts';
import type { SearchIndex } from './index-build.ts';
import { boundedMemo, perObject } from './memo.ts';
import { tokenize } from './analyzer.ts';
import { writtenForm } from './vocabulary.ts';

/** A question word as word vectors see it: its row, or the word itself when it has none; and its weight. */
type MeaningWord = { row: number; word?: undefined; weight: number } | { row?: undefined; word: string; weight: number };

/**
 * How closely texts mean what a question asks, by word vectors: for each
 * word of the question, the similarity of the closest word of the text (about
 * 1 for the word itself, 0 for none related or opposed), averaged by the
 * question words' weights. A paraphrase scores where the search's exact terms
 * do not: "bankrolls" is close to "subsidizes". Each question word weighs as
 * rarely as the corpus writes it in that very form (its inverse document
 * frequency as written, not stemmed, which the index counts as it is built):
 * a word the passages do not write as asked is where a paraphrase is likely.
 * A word without a vector (numbers, most model names: "f-16" has one,
 * "shahed-136" none) counts only where the text writes it as asked: "2023"
 * is as far from "2022" as from "reached", so leaving such words out would
 * favour a text that matches the question's other words loosely over one
 * that holds its year or its model.
 */
export function meaningOf(index: SearchIndex, question: string, vectors: WordVectors): ((position: number, start: number, end: number) => number) | undefined {
  const passages = index.passages.length;
  const asked: MeaningWord[] = [];
  for (const word of new Set(wordsOf(question).map(({ word }) => word))) {
    const row = vectors.rowOf(word);
    const weight = Math.log((passages + 1) / (index.vocabulary.writtenFrequency(word) + 0.5));
    asked.push(row === undefined ? { word, weight } : { row, weight });
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
      for (let i = 0; i < asked.length; i++) {
        const wanted = asked[i]!.row;
        if (wanted !== undefined) values[i] = vectors.similarity(wanted, row);
      }
      similarities.set(row, values);
    }
    for (let i = 0; i < values.length; i++) if (values[i]! > closest[i]!) closest[i] = values[i]!;
  };
  // A word without a vector is closest to itself alone.
  const bare = new Map<string, number>();
  asked.forEach(({ word }, i) => word !== undefined && bare.set(word, i));
  const takeBare = (word: string): void => {
    const i = bare.get(word);
    if (i !== undefined) closest[i] = 1;
  };
  const rowsOf = passageRows(vectors)(index);
  return (position, start, end) => {
    closest.fill(0);
    const { section, rows, starts, bareSection, bareWords, bareStarts } = rowsOf(position);
    for (const row of section) take(row);
    for (let i = 0; i < rows.length; i++) if (starts[i]! >= start && starts[i]! < end) take(rows[i]!);
    if (bare.size > 0) {
      for (const word of bareSection) takeBare(word);
      for (let i = 0; i < bareWords.length; i++) if (bareStarts[i]! >= start && bareStarts[i]! < end) takeBare(bareWords[i]!);
    }
    let matched = 0;
    asked.forEach(({ weight }, i) => (matched += weight * closest[i]!));
    return matched / total;
  };
}

/**
 * The vector rows of a passage's words, with where each starts in its text,
 * and of its section heading's words; and the same of its words without a vector.
 */
interface PassageRows {
  section: readonly number[];
  rows: Int32Array;
  starts: Int32Array;
  bareSection: readonly string[];
  bareWords: readonly string[];
  bareStarts: Int32Array;
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
  const bareWords: string[] = [];
  const bareStarts: number[] = [];
  for (const { word, start } of wordsOf(passage.text)) {
    const row = vectors.rowOf(word);
    if (row !== undefined) {
      rows.push(row);
      starts.push(start);
    } else {
      bareWords.push(word);
      bareStarts.push(start);
    }
  }
  const section = new Set<number>();
  const bareSection = new Set<string>();
  for (const { word } of wordsOf(passage.section)) {
    const row = vectors.rowOf(word);
    if (row !== undefined) section.add(row);
    else bareSection.add(word);
  }
  return { section: [...section], rows: Int32Array.from(rows), starts: Int32Array.from(starts), bareSection: [...bareSection], bareWords, bareStarts: Int32Array.from(bareStarts) };
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
