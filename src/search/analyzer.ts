import { stemmer } from 'stemmer';
import { isSearchStopWord } from '../text/stopwords.ts';
import { boundedMemo } from './memo.ts';

/** A word of the text as written, with its place, before analysis. */
export interface Token {
  /** The characters as they stand in the text. */
  raw: string;
  start: number;
  end: number;
}

/**
 * Finds the words of a text: letters and digits, joined by inner hyphens,
 * slashes, dots, commas or apostrophes (`Shahed-136`, `3,700`, `U.S.`,
 * `Russia's`), with a trailing `%` kept (`90%`). Any Unicode letter counts.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    tokens.push({ raw: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * The index terms of one token: for a plain word its stem; for a compound the
 * whole (`shahed-136`, `152mm`, `3700`, `90%`) and each of its parts, so it is
 * found whole and by its parts. Stop words yield nothing, except acronyms
 * written in capitals (`US`, `IT`), which keep their capitals.
 */
export function termsOf(raw: string): readonly string[] {
  return termsMemo(raw);
}

/** How many words each memo of this module holds before it starts afresh. */
const MAX_MEMO = 500_000;

/**
 * Memo of `termsOf` by the word as written: every passage read at question time repeats words
 * already seen. A corpus has far fewer distinct words than words; past the bound it starts afresh.
 */
const termsMemo = boundedMemo((raw: string): readonly string[] => Object.freeze(computeTerms(raw)), MAX_MEMO);

function computeTerms(raw: string): string[] {
  const word = withoutPossessive(raw).replace(/\.$/, '');
  const acronym = /^(?:\p{Lu}\.?){2,}$/u.test(word);
  const lower = word.toLowerCase().replace(/\./g, acronym ? '' : '.');
  if (lower === '') return [];
  // "don't" and "they’re" are stop words whole, not compounds of "don" and "t".
  if (/['\u2019]/.test(lower) && isSearchStopWord(lower.replace(/\u2019/g, "'"))) return [];
  const parts = lower.split(/[-/.'\u2019]+|(?<=\p{N}),(?=\p{N})/u).flatMap(splitLettersFromDigits).filter(Boolean);
  const isCompound = parts.length > 1 || /%$/.test(lower);
  if (!isCompound) {
    // "US" is not "us": an acronym that spells a stop word keeps its capitals.
    if (isSearchStopWord(lower)) return acronym ? [lower.toUpperCase()] : [];
    return [stem(lower)];
  }
  const whole = lower.replace(/(?<=\p{N}),(?=\p{N})/gu, '').replace(/['\u2019]/g, '');
  // "Shahed-136s", "1990s": the plural of a compound is also the compound.
  const terms = new Set<string>([whole, whole.replace(/(?<=\p{N})s$/u, '')]);
  if (/^\p{N}+(?:,\p{N}{3})+$/u.test(lower)) return [...terms];
  for (const part of parts) {
    const bare = part.replace(/%$/, '');
    if (bare === 's' && part === parts.at(-1)) continue;
    if (bare && !isSearchStopWord(bare)) terms.add(/^\p{L}+$/u.test(bare) ? stem(bare) : bare);
  }
  return [...terms];
}

/** Every index term of a text, in order, repeats kept. */
export function analyze(text: string): string[] {
  return tokenize(text).flatMap((token) => termsOf(token.raw));
}

/** A word without its possessive ending: "article's" is "article". */
export function withoutPossessive(word: string): string {
  return word.replace(/['\u2019]s$/i, '');
}

/** Porter stem of a lowercase word, memoised: the vocabulary of a corpus is small next to its text. */
export function stem(word: string): string {
  return stems(word);
}

const stems = boundedMemo((word: string): string => (/^\p{L}+$/u.test(word) && word.length > 3 ? stemmer(word) : word), MAX_MEMO);

const TOKEN = /[\p{L}\p{N}]+(?:[-/.'\u2019][\p{L}\p{N}]+|(?<=\p{N}),\p{N}+)*%?/gu;

function splitLettersFromDigits(part: string): string[] {
  return part.split(/(?<=\p{N})(?=\p{L})|(?<=\p{L})(?=\p{N})/u);
}
