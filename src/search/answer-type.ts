import type { Token } from './analyzer.ts';

/** The kind of thing a question asks for, read from its question words. */
export type AnswerType = 'number' | 'time' | 'person' | 'place';

/**
 * Reads the expected kind of answer from the question words: "how many" wants a
 * number, "when" a date, "who" a name, "where" a place. Undefined when the
 * question does not say.
 */
export function expectedAnswerType(question: string): AnswerType | undefined {
  const q = question.toLowerCase();
  if (/\bhow (many|much|large|big|long|far|old|often|fast)\b|\bwhat (percentage|share|fraction|proportion|number|amount|size)\b/.test(q)) return 'number';
  if (/\bwhen\b|\b(what|which) (year|month|date|day)\b/.test(q)) return 'time';
  if (/\bwho(m|se)?\b/.test(q)) return 'person';
  if (/\bwhere\b/.test(q)) return 'place';
  return undefined;
}

/**
 * Whether some token of a sentence could be the answer of that type: a number,
 * a year or month, or a capitalised name not at the sentence's start; tokens
 * the question itself contains do not count.
 */
export function hasAnswerOfType(type: AnswerType, tokens: readonly Token[], questionWords: ReadonlySet<string>): boolean {
  return tokens.some((token, i) => {
    const word = token.raw.toLowerCase();
    if (questionWords.has(word)) return false;
    switch (type) {
      case 'number':
        return /\p{N}/u.test(word) || NUMBER_WORDS.has(word);
      case 'time':
        return /^(1[5-9]|20)\d\d$/.test(word) || MONTHS.has(word);
      case 'person':
      case 'place':
        return i > 0 && /^\p{Lu}\p{Ll}/u.test(token.raw);
    }
  });
}

const NUMBER_WORDS = new Set(['hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'dozen', 'dozens', 'half', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twice']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
