import type { Passage } from '../corpus/types.ts';
import { termsOf, tokenize } from './analyzer.ts';
import { compileAliases, type AliasTable } from './query.ts';
import type { Vocabulary } from './vocabulary.ts';
import { loadEnglishLexicon } from '../text/lexicon.ts';

/**
 * The corpus's capitalised phrases by their initials, the most frequent phrase
 * for each ("SEZ" → "Special Economic Zone"): part of the index, saved in its cache.
 */
export type AcronymTable = ReadonlyMap<string, string>;

/** Small words a name may hold that its initials skip ("Institute for Strategic Studies"); "and" mostly joins two names. */
const CONNECTORS = new Set(['of', 'for', 'de']);
const MIN_LETTERS = 2;
const MAX_LETTERS = 6;

/**
 * Alias groups for the acronyms of a question that the corpus never writes:
 * "SEZ" stands for the corpus's "Special Economic Zone", "NK" for "North
 * Korea", "UNSC" for "UN Security Council". A word counts when it is written
 * in capitals, or in lowercase ("nk") when it is no English word ("pie" is a
 * word, not initials), and only when some capitalised phrase of the corpus has
 * those initials; where several do, the most frequent is taken. Here the
 * English word list (0.2 s and 21 MB to read, shared with the corpus loader
 * and the unknown-name rule) is only read for a lowercase word that some
 * phrase's initials spell.
 */
export function acronymAliases(question: string, index: { acronyms: AcronymTable; vocabulary: Vocabulary }): AliasTable {
  const groups: string[][] = [];
  // Each word of a compound too: "Russia/NK/Iran", "russia-iran-nk".
  for (const word of tokenize(question).flatMap((token) => token.raw.split(/[-/]/))) {
    const capitals = /^\p{Lu}+$/u.test(word);
    if (word.length < MIN_LETTERS || word.length > MAX_LETTERS || !(capitals || /^\p{Ll}+$/u.test(word))) continue;
    const term = termsOf(word)[0];
    if (term === undefined || index.vocabulary.has(term)) continue;
    const phrase = index.acronyms.get(word.toUpperCase());
    if (phrase && (capitals || !loadEnglishLexicon().has(word))) groups.push([word, phrase]);
  }
  return compileAliases(groups);
}

/**
 * Every capitalised phrase of the passages by its initials, with the most
 * frequent phrase for each (ties go to the first in alphabetical order): 85 ms
 * for SQuAD's 3,394 passages and 0.37 s for 16,970 (five copies) here, so about
 * 2 s for 100,000 passages. An index reads it once, on first need, unless it
 * was loaded from the cache, which stores it: a change to what it holds needs
 * INDEX_FORMAT_VERSION bumped.
 */
export function buildAcronymTable(passages: readonly Passage[]): AcronymTable {
  const counts = new Map<string, Map<string, number>>();
  for (const passage of passages) {
    for (const { initials, phrase } of capitalisedPhrases(passage.text)) {
      const byPhrase = counts.get(initials) ?? new Map<string, number>();
      byPhrase.set(phrase, (byPhrase.get(phrase) ?? 0) + 1);
      counts.set(initials, byPhrase);
    }
  }
  const table = new Map<string, string>();
  for (const [initials, byPhrase] of counts) {
    const [best] = [...byPhrase].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    table.set(initials, best![0]);
  }
  return table;
}

/**
 * Two or more capitalised words in a row, single spaces between them,
 * connectors allowed inside: a regular expression finds them, so the rest of
 * the text costs nothing.
 */
const NAME_RUN = new RegExp(`(?<![\\p{L}\\p{N}'\u2019.-])\\p{Lu}\\p{L}*(?: +(?:(?:${[...CONNECTORS].join('|')}) +)?\\p{Lu}\\p{L}*)+(?![\\p{L}\\p{N}-])`, 'gu');

/**
 * Runs of capitalised words ("the Alabuga Special Economic Zone has"), and
 * each tail of a run ("Special Economic Zone", "Economic Zone"), with their
 * initials: a word in capitals gives all its letters ("UN Security Council"
 * is UNSC); connectors inside a run give none.
 */
export function capitalisedPhrases(text: string): { initials: string; phrase: string }[] {
  const phrases: { initials: string; phrase: string }[] = [];
  for (const [run] of text.matchAll(NAME_RUN)) {
    const words = run.split(/ +/);
    for (let from = 0; from < words.length - 1; from++) {
      if (CONNECTORS.has(words[from]!)) continue;
      const tail = words.slice(from);
      const initials = tail.map((word) => (CONNECTORS.has(word) ? '' : initialsOf(word))).join('');
      if (initials.length < MIN_LETTERS || initials.length > MAX_LETTERS) continue;
      phrases.push({ initials, phrase: tail.join(' ') });
    }
  }
  return phrases;
}

function initialsOf(word: string): string {
  return /^\p{Lu}+$/u.test(word) ? word : word[0]!;
}
