import { termsOf, type Token } from './analyzer.ts';

/** The kind of thing a question asks for, read from its question words. */
export type AnswerType = 'number' | 'time' | 'person' | 'place';

/** Words that after "how" ask for a measure, a number ("how long", "how far"). */
export const HOW_NUMBER_WORDS = ['large', 'big', 'long', 'far', 'old', 'often', 'fast', 'tall', 'high', 'wide', 'deep', 'heavy', 'frequently'] as const;
/** Words that after "how" ask for a time ("how soon"). */
export const HOW_TIME_WORDS = ['soon', 'early', 'late'] as const;

/** Nouns that after "what" ask for a number ("what share"). */
const NUMBER_NOUNS = ['percentage', 'share', 'fraction', 'proportion', 'number', 'amount', 'size'] as const;
/** Nouns that after "what" or "which" ask for a time ("which year"). */
const TIME_NOUNS = ['year', 'month', 'date', 'day'] as const;

const ASKS_NUMBER = new RegExp(String.raw`\bhow (?:many|much|${HOW_NUMBER_WORDS.join('|')})\b|\bwhat (?:${NUMBER_NOUNS.join('|')})\b`);
const ASKS_TIME = new RegExp(String.raw`\bwhen\b|\bhow (?:${HOW_TIME_WORDS.join('|')})\b|\b(?:what|which) (?:${TIME_NOUNS.join('|')})\b`);
/** The noun with a possessive ending ("which day's"), not the head of a compound ("year-end"). */
const ANSWER_TYPE_NOUN = new RegExp(
  String.raw`(?<=\bwhat )(?:${NUMBER_NOUNS.join('|')})(?:['\u2019]s)?(?![-/\p{L}\p{N}])|(?<=\b(?:what|which) )(?:${TIME_NOUNS.join('|')})(?:['\u2019]s)?(?![-/\p{L}\p{N}])`,
  'giu',
);

/**
 * The question with the noun that names the kind of answer it asks for
 * blanked ("In what year was ... born?", "What share of ..."), offsets kept:
 * like "when" or "how many", the noun says what kind of answer is wanted,
 * not what the answer is about, and the sentence that holds the answer seldom
 * repeats it. The answer type is still read from the question as written.
 */
export function withoutAnswerTypeNouns(question: string): string {
  return question.replace(ANSWER_TYPE_NOUN, (noun) => ' '.repeat(noun.length));
}

/**
 * Reads the expected kind of answer from the question words: "how many" wants a
 * number, "when" a date, "who" a name, "where" a place. Undefined when the
 * question does not say.
 */
export function expectedAnswerType(question: string): AnswerType | undefined {
  const q = question.toLowerCase();
  if (ASKS_NUMBER.test(q)) return 'number';
  if (ASKS_TIME.test(q)) return 'time';
  if (/\bwho(m|se)?\b/.test(q)) return 'person';
  if (/\bwhere\b/.test(q)) return 'place';
  return undefined;
}

/** Bits of `answerKindsOf`: a token can be a number, a time, a name, or several of these. */
const ANSWER_KIND = { number: 1, time: 2, name: 4 } as const;

/**
 * What kinds of answer a word of a sentence could be: a number (digits or a
 * number word), a time (a year or a month), a name (capitalised, not the
 * sentence's first word). 0 when none.
 */
export function answerKindsOf(raw: string, positionInSentence: number): number {
  let kinds = 0;
  if (/\p{N}/u.test(raw)) {
    kinds |= ANSWER_KIND.number;
    if (/^(1[5-9]|20)\d\d$/.test(raw)) kinds |= ANSWER_KIND.time;
  } else if (raw.length <= LONGEST_KIND_WORD) {
    // Words longer than every number word and month (about one token in ten) skip the lowercasing.
    const word = raw.toLowerCase();
    if (NUMBER_WORDS.has(word)) kinds |= ANSWER_KIND.number;
    if (MONTHS.has(word)) kinds |= ANSWER_KIND.time;
  }
  if (positionInSentence > 0 && /^\p{Lu}\p{Ll}/u.test(raw)) kinds |= ANSWER_KIND.name;
  return kinds;
}

/** The `answerKindsOf` bit a question's answer type asks for. */
export function answerKindOf(type: AnswerType): number {
  return type === 'number' ? ANSWER_KIND.number : type === 'time' ? ANSWER_KIND.time : ANSWER_KIND.name;
}

/**
 * Whether some word of a sentence could be the answer of that type; words
 * whose index term the question itself contains do not count.
 */
export function hasAnswerOfType(type: AnswerType, tokens: readonly Token[], questionTerms: ReadonlySet<string>): boolean {
  const kind = answerKindOf(type);
  return tokens.some((token, i) => {
    if ((answerKindsOf(token.raw, i) & kind) === 0) return false;
    const term = termsOf(token.raw)[0];
    return term === undefined || !questionTerms.has(term);
  });
}

const NUMBER_WORDS = new Set(['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'dozen', 'dozens', 'half', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twice']);
/** Month names, lowercase. */
export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const LONGEST_KIND_WORD = Math.max(...[...NUMBER_WORDS, ...MONTHS].map((word) => word.length));
