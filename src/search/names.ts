import { termsOf, withoutPossessive } from './analyzer.ts';
import type { SearchIndex } from './index-build.ts';
import { postingRun } from './postings.ts';
import { perObject } from './memo.ts';
import { isUnmatchable, type WeightedConcept } from './excerpt.ts';
import { MONTHS } from './answer-type.ts';
import { loadEnglishLexicon } from '../text/lexicon.ts';

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

/**
 * Whether a question asks about names the corpus knows only in words it never
 * writes: "When was Vladimir Putin born?" over documents that name Putin but
 * no birth. Its passages could only echo the names, so none answers it. Called
 * for questions that ask for a kind of answer (a date, a number, a name, a
 * place); "Putin?" alone, or a question with any other word the corpus knows,
 * is left to the usual check. Adverbs ("exactly", "actually") say how the
 * question asks, not what it asks about, and are passed over.
 */
export function asksUnknownFactsAboutNames(index: NameIndex, question: string, concepts: readonly WeightedConcept[], isAdverb: ((word: string) => boolean) | false): boolean {
  // withoutUnmatchedAdverbs left the adverbs some passage matches ("exactly"): they still say how, not what.
  const rest = concepts.filter((weighted) => !(isAdverb && isAdverb(weighted.concept.label)));
  // The cheap test first: the corpus's names are only judged for a question with a word no passage matches.
  if (!rest.some(isUnmatchable)) return false;
  const others = rest.filter((weighted) => !isName(weighted.concept.label, question, index));
  return others.length > 0 && others.length < rest.length && others.every(isUnmatchable);
}

/**
 * Whether a concept is a proper name the corpus never writes ("Kursk",
 * "Zelensky's", "McCarthy"): capitalised and not all in capitals ("NSC" and
 * "NK" may be initials of the corpus's words), not only because it opens the
 * question, and neither an English word ("Sept", "Sputnik" and "Python" are)
 * nor a month or a day of the week. A question that names one and matches
 * little else is about something the documents do not cover.
 */
export function isUnknownName(concept: WeightedConcept, question: string): boolean {
  const label = concept.concept.label;
  if (!isUnmatchable(concept)) return false;
  const word = withoutPossessive(label);
  if (!/^\p{Lu}\p{L}*\p{Ll}\p{L}*$/u.test(word) || CALENDAR_NAMES.has(word.toLowerCase())) return false;
  const at = wordAt(question, label);
  return at >= 0 && !opensQuestion(question, at) && !loadEnglishLexicon().has(word.toLowerCase());
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

/**
 * Whether a word of a question holds a name the corpus writes: one of its
 * letter runs ("kim", "jong" of "jong-un") analyses to a term the corpus
 * capitalises, so a question typed in lowercase still names Kim Jong-un.
 */
function holdsCorpusName(index: NameIndex, word: string): boolean {
  return (word.match(LETTER_RUN) ?? []).some((run) => termsOf(run).some((term) => writesAsName(index, term)));
}

/**
 * Whether the question writes a concept as a name: within a word that is
 * capitalised, and not only because it opens the question ("Putin" and the
 * "un" of "Jong-un" in "When did Putin meet Kim Jong-un?"; "North Korea" and
 * "KN-23" anywhere; not "Drones" in "Drones from where?"), or within a word
 * the corpus writes as a name, so that "when was kim jong-un born" names Kim
 * Jong-un as well.
 */
function isName(label: string, question: string, index: NameIndex): boolean {
  const at = wordAt(question, label);
  if (at < 0) return false;
  const wordStart = question.slice(0, at).search(/\S*$/u);
  const wordEnd = at + question.slice(at).search(/[\s?!.,;:]|$/u);
  const word = question.slice(wordStart, wordEnd);
  if (/^\p{Lu}/u.test(word) && (!opensQuestion(question, wordStart) || /^.[^]*[\p{Lu}\p{N}]/u.test(word))) return true;
  return holdsCorpusName(index, word);
}

/** Whether a word at this offset is the question's first: capitalised there, it need not be a name. */
function opensQuestion(question: string, at: number): boolean {
  return at === question.search(/[\p{L}\p{N}]/u);
}

/** Months and days of the week: capitalised, but no name of something the corpus could lack. */
const CALENDAR_NAMES = new Set([...MONTHS, 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Where `label` stands in the question as whole words (the "un" of "Jong-un", not of "funds"); -1 when nowhere. */
function wordAt(question: string, label: string): number {
  const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (let at = question.indexOf(label); at >= 0; at = question.indexOf(label, at + 1)) {
    if (!isWordChar(question[at - 1]) && !isWordChar(question[at + label.length])) return at;
  }
  return -1;
}
