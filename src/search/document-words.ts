import type { Span } from '../corpus/types.ts';
import { termsOf } from './analyzer.ts';

/** Nouns with which a question names a document rather than its topic ("the drone article", "per the Guardian piece"). */
export const DOCUMENT_NOUNS: readonly string[] = ['article', 'piece', 'blog', 'post', 'writeup', 'write-up', 'report', 'paper', 'story', 'essay', 'column', 'op-ed', 'explainer', 'analysis', 'commentary'];

/** Nouns with which a question names a document's writer ("the author's conclusion"). */
export const WRITER_NOUNS: readonly string[] = ['author', 'writer'];

/** A regular expression source that matches one document or writer noun (letters and hyphens only, so nothing to escape). */
export const DOCUMENT_NOUN_PATTERN = `(?:${[...DOCUMENT_NOUNS, ...WRITER_NOUNS].join('|')})`;

/**
 * The terms of the document nouns and of other words that point at the
 * documents or their parts ("author", "conclusion"): each word's own term
 * only, not its compound's parts, or "write-up" would make "write" one.
 */
const DOCUMENT_TERMS = new Set(
  [...DOCUMENT_NOUNS, ...WRITER_NOUNS, ...'text document doc conclusion summary intro introduction section paragraph passage page chapter source'.split(' ')].map((word) => termsOf(word)[0]!),
);

/** Whether an index term is one with which a question points at the documents rather than at their topic. */
export function isDocumentTerm(term: string): boolean {
  return DOCUMENT_TERMS.has(term);
}

/**
 * Verbs with which a question asks what a text says ("what does the
 * conclusion argue?"), rather than what it is about.
 */
export const SAYING_VERBS: readonly string[] = ['mention', 'note', 'describe', 'argue', 'claim', 'state', 'conclude'];

/**
 * The text with a span of it blanked out, offsets unchanged: the words that
 * name a document or a part of one are not searched for.
 */
export function blankSpan(text: string, span: Span | undefined): string {
  if (!span) return text;
  return text.slice(0, span.start) + ' '.repeat(span.end - span.start) + text.slice(span.end);
}
