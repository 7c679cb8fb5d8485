import type { Span } from '../corpus/types.ts';

/**
 * Splits text into sentence spans. A sentence ends at `.`, `!` or `?` (with any
 * closing quotes or brackets) followed by a space and something that can start
 * a sentence; common abbreviations, initials and acronyms such as `U.S.` do not
 * end one. Spans cover the text without gaps except the spaces between them.
 */
export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = skipSpaces(text, 0);
  const boundary = /[.!?]+["')\]]*(?=\s+["'(\[]?[\p{Lu}\p{N}])|\n+/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (match[0][0] !== '\n' && isAbbreviationAt(text, match.index)) continue;
    const trimmedEnd = match[0][0] === '\n' ? match.index : end;
    if (trimmedEnd > start) spans.push({ start: start + offset, end: trimmedEnd + offset });
    start = skipSpaces(text, end);
  }
  const tail = text.slice(start).trimEnd();
  if (tail.length > 0) spans.push({ start: start + offset, end: start + tail.length + offset });
  return spans;
}

/**
 * The sentences of a text as excerpts are built from them: a sentence longer
 * than `maxChars` is cut at spaces into pieces no longer, and a text with no
 * sentence at all is one piece.
 */
export function sentencePieces(text: string, maxChars: number): Span[] {
  const pieces = splitSentences(text).flatMap((span) => (span.end - span.start > maxChars ? chunkLongSentence(text, span, maxChars) : [span]));
  return pieces.length > 0 ? pieces : [{ start: 0, end: Math.min(text.length, maxChars) }];
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep',
  'no', 'vol', 'fig', 'pp', 'vs', 'etc', 'approx', 'est', 'inc', 'ltd', 'co', 'corp', 'dept', 'univ',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'cf', 'al',
]);

function isAbbreviationAt(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[0] ?? '';
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  if (/^\p{Lu}$/u.test(word)) return true;
  return /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Cuts an over-long sentence into pieces of at most `maxChars`, ending at spaces. */
function chunkLongSentence(text: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const space = text.lastIndexOf(' ', start + maxChars);
    const end = space > start + maxChars / 2 ? space : start + maxChars;
    pieces.push({ start, end });
    start = end;
    while (start < span.end && text[start] === ' ') start++;
  }
  if (start < span.end) pieces.push({ start, end: span.end });
  return pieces;
}
