import type { Lexicon } from '../text/lexicon.ts';
import { isStopWord } from '../text/stopwords.ts';

/** How often each lowercased word occurs across the whole corpus. */
export type Vocabulary = ReadonlyMap<string, number>;

export interface GlueRepairOptions {
  /**
   * Also split runs that show no case change but read as two or three words
   * ("interoperabilityacross"). That evidence is weak: closed compounds and
   * rare names read the same way ("proplastids", "Montenegro"), so it should
   * be trusted only in text that shows glue by a case change elsewhere.
   * @default true
   */
  dictionarySplits?: boolean;
}

/** Counts the lowercased letter runs of every text. */
export function buildVocabulary(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const [word] of text.matchAll(/\p{L}+(?:'\p{L}+)?/gu)) {
      const key = word.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Separates words that lost the space between them when a link was stripped
 * ("theAlabuga", "Zonehas", "interoperabilityacross", "thepaymentfor").
 *
 * The evidence is general: a case change inside a word after a lowercase
 * word, or a letter run that is neither a word of the language nor repeated in
 * the corpus but reads as two or three words that are. A run the corpus
 * repeats is taken to be a real name and left alone.
 */
export function repairGluedWords(line: string, lexicon: Lexicon, vocabulary: Vocabulary, options: GlueRepairOptions = {}): string {
  const dictionarySplits = options.dictionarySplits ?? true;
  const isWord = (word: string): boolean => {
    const lower = word.toLowerCase();
    return isStopWord(lower) || lexicon.has(lower) || (vocabulary.get(lower) ?? 0) >= 2;
  };
  return line.replace(/\p{L}{4,}/gu, (run) => splitRun(run, isWord, vocabulary, dictionarySplits).join(' '));
}

/**
 * Whether a text lost the spaces around its links: some word in it is glued
 * to the next across a case change ("theAlabuga", "neededWestern"). Text
 * that shows this is where dictionary splits are worth trusting.
 */
export function showsCaseGlue(texts: Iterable<string>, lexicon: Lexicon, vocabulary: Vocabulary): boolean {
  for (const text of texts) {
    if (repairGluedWords(text, lexicon, vocabulary, { dictionarySplits: false }) !== text) return true;
  }
  return false;
}

function splitRun(run: string, isWord: (word: string) => boolean, vocabulary: Vocabulary, dictionarySplits: boolean): string[] {
  if ((vocabulary.get(run.toLowerCase()) ?? 0) >= 2) return [run];
  const caseBreak = /^(\p{Ll}{2,})(\p{Lu}.*)$/u.exec(run);
  if (caseBreak) {
    const left = caseBreak[1]!;
    const right = caseBreak[2]!;
    const rightIsWordLike = /^\p{Lu}\p{Ll}/u.test(right) || (isStopWord(left) && /^\p{Lu}{2,}$/u.test(right));
    if (isWord(left) && rightIsWordLike) {
      return [...splitRun(left, isWord, vocabulary, dictionarySplits), ...splitRun(right, isWord, vocabulary, dictionarySplits)];
    }
    return [run];
  }
  if (!dictionarySplits || isWord(run) || run.length < 7 || /\p{Lu}.*\p{Lu}/u.test(run)) return [run];
  // A capitalised run may be a name the lexicon lacks ("Westminster"): split it
  // only into words this corpus itself uses elsewhere.
  const inCorpus = (word: string): boolean => isStopWord(word.toLowerCase()) || vocabulary.has(word.toLowerCase());
  return bestSplit(run, /^\p{Lu}/u.test(run) ? inCorpus : isWord) ?? [run];
}

/** The split of a lowercase-glued run into two (or three) words, longest content word first. */
function bestSplit(run: string, isWord: (word: string) => boolean): string[] | undefined {
  let best: { parts: string[]; score: number } | undefined;
  const consider = (parts: string[]): void => {
    if (!parts.every((part, i) => acceptablePart(part, i, isWord))) return;
    const content = parts.filter((part) => !isStopWord(part.toLowerCase()));
    if (content.length === 0 || !content.some((part) => part.length >= 4)) return;
    const score = Math.max(...parts.map((p) => p.length)) - parts.length * 3;
    if (!best || score > best.score) best = { parts, score };
  };
  for (let i = 2; i <= run.length - 2; i++) {
    consider([run.slice(0, i), run.slice(i)]);
  }
  if (!best && run.length >= 9) {
    for (let i = 2; i <= run.length - 4; i++) {
      for (let j = i + 2; j <= run.length - 2; j++) consider([run.slice(0, i), run.slice(i, j), run.slice(j)]);
    }
  }
  return best?.parts;
}

/**
 * A part must be a word; a short one must be a stop word of at least three
 * letters ("has", "for"), since "a", "an" or "of" end too many real words
 * ("European" is not "Europe an").
 */
function acceptablePart(part: string, index: number, isWord: (word: string) => boolean): boolean {
  if (index > 0 && /\p{Lu}/u.test(part)) return false;
  if (part.length < 3) return false;
  if (part.length === 3) return isStopWord(part.toLowerCase());
  return isWord(part);
}
