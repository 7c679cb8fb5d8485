import type { Passage } from '../corpus/types.ts';
import { termsOf, tokenize } from './analyzer.ts';

/** Share of a term's occurrences, away from the start of a sentence, that must be capitalised for it to be a name. */
const NAME_SHARE = 0.9;
/** A term seen fewer times than this is not called a name: one capital proves little. */
const MIN_OCCURRENCES = 2;

const tables = new WeakMap<readonly Passage[], ReadonlySet<string>>();

/**
 * The terms the corpus writes as names: capitalised nearly everywhere they
 * stand inside a sentence ("Putin", "Kim", "Alabuga", "Tatarstan"), so a
 * question that writes them in lowercase still names them. Each part of a
 * hyphenated word counts on its own ("Jong" of "Jong-un" is a name, "un" is
 * not). Read once per index, on first need.
 */
export function nameTerms(passages: readonly Passage[]): ReadonlySet<string> {
  let names = tables.get(passages);
  if (names) return names;
  const seen = new Map<string, { all: number; capitalised: number }>();
  for (const passage of passages) {
    for (const token of tokenize(passage.text)) {
      if (opensSentence(passage.text, token.start)) continue;
      for (const part of token.raw.split(/[-\u2010\u2011/]/)) {
        if (!/^\p{L}/u.test(part)) continue;
        const term = termsOf(part)[0];
        if (term === undefined) continue;
        const counts = seen.get(term) ?? { all: 0, capitalised: 0 };
        counts.all++;
        if (/^\p{Lu}/u.test(part)) counts.capitalised++;
        seen.set(term, counts);
      }
    }
  }
  names = new Set([...seen].filter(([, { all, capitalised }]) => all >= MIN_OCCURRENCES && capitalised >= NAME_SHARE * all).map(([term]) => term));
  tables.set(passages, names);
  return names;
}

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
