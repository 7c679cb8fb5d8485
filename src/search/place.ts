import type { SearchIndex } from './index-build.ts';
import { termsOf } from './analyzer.ts';
import { isOneWord, ownTerms, type Concept } from './query.ts';
import { isInPart, type DocumentPart, type PartReference } from './document-part.ts';
import { isDocumentTerm, SAYING_VERBS } from './document-words.ts';

// Questions that point at a place in the documents ("the Guardian piece", "the conclusion") as well as, or instead of, a topic.

/** How an answer names each part. */
export const PART_NAMES: Record<DocumentPart, string> = { opening: 'opening', closing: 'closing section', questions: 'questions and answers (FAQ)' };

/** Whether a concept only asks to be shown the place a question names. */
export function isRequestWord(concept: Concept): boolean {
  return isOneWord(concept) && REQUEST_TERMS.has(ownTerms(concept)[0]!);
}

/**
 * Whether a concept is a word with which a question points at the documents
 * rather than at their topic ("the article", "per the conclusion"). Where the
 * corpus never writes one, it is left out of the question: it would count as a
 * word the corpus cannot answer, and typo tolerance would match it to others.
 */
export function isDocumentWord(concept: Concept): boolean {
  return isOneWord(concept) && isDocumentTerm(ownTerms(concept)[0]!);
}

/**
 * Accepts the passages of the place a question names, by their positions in
 * the index: one document, a part of every document, or that part of one.
 * Undefined where the question names no place.
 */
export function placeScope(index: Pick<SearchIndex, 'passages' | 'documents'>, docId: string | undefined, part: PartReference | undefined): ((position: number) => boolean) | undefined {
  if (docId === undefined && part === undefined) return undefined;
  return (position) => {
    const passage = index.passages[position]!;
    return (docId === undefined || passage.docId === docId) && (part === undefined || isInPart(index.documents.get(passage.docId)!, passage, part.part));
  };
}

/**
 * The positions of a place's passages in reading order, interleaved across
 * documents: each document's first passage of the place, then each one's
 * second, and so on, so that "the conclusion" shows every document's.
 */
export function placeInReadingOrder(index: Pick<SearchIndex, 'passages'>, scope: (position: number) => boolean): number[] {
  const byDocument = new Map<string, number[]>();
  index.passages.forEach((passage, position) => {
    if (!scope(position)) return;
    let positions = byDocument.get(passage.docId);
    if (!positions) byDocument.set(passage.docId, (positions = []));
    positions.push(position);
  });
  const lists = [...byDocument.values()];
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const order: number[] = [];
  for (let round = 0; order.length < total; round++) {
    for (const list of lists) if (round < list.length) order.push(list[round]!);
  }
  return order;
}

/**
 * Words that ask to be shown something, or what a text says, rather than say
 * what it is about ("summarise the intro", "show me the FAQ", "what does the
 * conclusion argue?").
 */
const REQUEST_TERMS = new Set(
  [...'show quote summarise summarize summary recap list read tell sum cover discuss'.split(' '), ...SAYING_VERBS].map((word) => termsOf(word)[0]!),
);
