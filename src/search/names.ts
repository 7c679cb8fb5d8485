import { termsOf } from './analyzer.ts';
import type { SearchIndex } from './index-build.ts';
import { postingRun } from './postings.ts';
import { perObject } from './memo.ts';

/** Share of a term's occurrences, away from the start of a sentence, that must be capitalised for it to be a name. */
const NAME_SHARE = 0.9;
/** A term seen fewer times than this is not called a name: one capital proves little. */
const MIN_OCCURRENCES = 2;
/** How many of the passages holding a term are read to judge it, the first in corpus order. */
const SAMPLE_PASSAGES = 64;

type NameIndex = Pick<SearchIndex, 'passages' | 'postings' | 'vocabulary' | 'miniSearch'>;

/** The verdicts on terms, per index (by its passages, which every index shape carries). */
const verdictsOf = perObject((_passages: readonly unknown[]) => new Map<string, boolean>());

/**
 * Whether a word of a question holds a name the corpus writes: one of its
 * letter runs ("kim", "jong" of "jong-un") analyses to a term the corpus
 * capitalises, so a question typed in lowercase still names Kim Jong-un.
 */
export function holdsCorpusName(index: NameIndex, word: string): boolean {
  return (word.match(LETTER_RUN) ?? []).some((run) => termsOf(run).some((term) => writesAsName(index, term)));
}

/**
 * Whether the corpus writes a term as a name: capitalised nearly everywhere it
 * stands inside a sentence ("Putin", "Kim", "Alabuga"), seen at least twice.
 * Judged on the first passages that hold it, when a question first needs it,
 * and remembered per index: reading the whole corpus took seconds at 100k passages.
 */
export function writesAsName(index: NameIndex, term: string): boolean {
  const known = verdictsOf(index.passages);
  let verdict = known.get(term);
  if (verdict === undefined) {
    verdict = judge(index, term);
    known.set(term, verdict);
  }
  return verdict;
}

function judge(index: NameIndex, term: string): boolean {
  let all = 0;
  let capitalised = 0;
  for (const position of passagesHolding(index, term)) {
    const text = index.passages[position]!.text;
    for (const match of text.matchAll(LETTER_RUN)) {
      if (termsOf(match[0])[0] !== term || opensSentence(text, match.index)) continue;
      all++;
      if (/^\p{Lu}/u.test(match[0])) capitalised++;
    }
  }
  return all >= MIN_OCCURRENCES && capitalised >= NAME_SHARE * all;
}

/** The first passages, in corpus order, whose text holds the term. */
function passagesHolding(index: NameIndex, term: string): number[] {
  const id = index.vocabulary.id(term);
  if (id === undefined) return [];
  const table = index.postings;
  if (table === undefined) {
    const found = index.miniSearch.search(term, { fields: ['text'], tokenize: (query) => [query], processTerm: (query) => query, prefix: false, fuzzy: false });
    return found.map((result) => result.id as number).sort((a, b) => a - b).slice(0, SAMPLE_PASSAGES);
  }
  const { from, to } = postingRun(table, id, 'text');
  const positions: number[] = [];
  for (let i = from; i < to && positions.length < SAMPLE_PASSAGES; i += 2) positions.push(table.postings[i]!);
  return positions;
}

/** A run of letters: a word, or one part of a hyphenated or slashed one ("Jong" and "un" of "Jong-un"). */
const LETTER_RUN = /\p{L}+/gu;

/** Whether the word at `at` is the first of a sentence, where any word is capitalised. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENERS.has(text[i]!)) i--;
  return i < 0 || SENTENCE_ENDS.has(text[i]!);
}

/** What may stand between a sentence's end and its first word: space, quotes, brackets, bullets, Markdown emphasis. */
const OPENERS = new Set([' ', '\t', '"', "'", '\u201c', '\u2018', '(', '[', '*', '_', '-', '\u2022']);
/** What ends a sentence, or a line (a heading's or a bullet's words start capitalised too). */
const SENTENCE_ENDS = new Set(['.', '!', '?', ':', ';', '\u2026', '\n']);
