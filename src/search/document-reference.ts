import type { Document } from '../corpus/types.ts';
import { analyze, tokenize, withoutPossessive, type Token } from './analyzer.ts';
import { DOCUMENT_NOUNS } from './document-words.ts';
import { perObject } from './memo.ts';

/**
 * A document the question names by its title or source ("the drone article",
 * "per the Guardian piece"), and where the question names it.
 */
export interface DocumentReference {
  docId: string;
  /** Offsets of the naming words in the question, from the first describing word to the last document noun. */
  start: number;
  end: number;
}

const DOCUMENT_NOUN_SET = new Set(DOCUMENT_NOUNS);
/**
 * Words that open the description before a document noun ("the", "this", and
 * the prepositions chat leaves the article out after: "per guardian piece"):
 * the describing words lie between. The question's start opens one too
 * ("upheaval blog says ...").
 */
const DETERMINERS = new Set(['the', 'this', 'that', 'a', 'an', 'per', 'in', 'from', 'by', 'to']);
/** At most this many words describe a document ("the axis of upheaval article"). */
const MAX_DESCRIBING_WORDS = 4;

/**
 * The document a question names with describing words and a document noun,
 * when its title or source holds more than half of those words' terms and no
 * other document's holds as many: "the drone article" names "Iran and
 * Russia's Drone Alliance" and "the Guardian piece" a document whose source is
 * The Guardian. "The article" alone names none; neither do words that two
 * documents' titles share equally.
 */
export function documentReferredTo(question: string, documents: Iterable<Document>): DocumentReference | undefined {
  const tokens = tokenize(question);
  // Read once, when first needed: a question may hold several document nouns, and an iterator is spent after the first.
  let all: Document[] | undefined;
  for (let at = 0; at < tokens.length; at++) {
    if (!isDocumentNoun(tokens[at]!)) continue;
    const describing = describingWordsBefore(tokens, at);
    if (describing.length === 0) continue;
    const words = [...new Set(describing.flatMap((token) => withoutPossessive(token.raw.toLowerCase()).split('-')))]
      .map((word) => ({ word, terms: analyze(word) }))
      .filter(({ terms }) => terms.length > 0);
    if (words.length === 0) continue;
    const docId = bestMatch(words, (all ??= [...documents]));
    if (docId === undefined) continue;
    let last = at;
    while (last + 1 < tokens.length && isDocumentNoun(tokens[last + 1]!)) last++;
    return { docId, start: describing[0]!.start, end: tokens[last]!.end };
  }
  return undefined;
}

/** A document noun, possessive or not ("the drone article's conclusion"). */
function isDocumentNoun(token: Token): boolean {
  return DOCUMENT_NOUN_SET.has(withoutPossessive(token.raw.toLowerCase()));
}

/** The words between a determiner (or the question's start) and the document noun at `at`; none when neither opens them within reach. */
function describingWordsBefore(tokens: readonly Token[], at: number): Token[] {
  for (let from = at - 1; from >= 0 && at - from <= MAX_DESCRIBING_WORDS + 1; from--) {
    if (DETERMINERS.has(tokens[from]!.raw.toLowerCase())) return tokens.slice(from + 1, at);
  }
  return at <= MAX_DESCRIBING_WORDS ? tokens.slice(0, at) : [];
}

/** A describing word and its index terms. */
interface DescribingWord {
  word: string;
  terms: readonly string[];
}

function bestMatch(words: readonly DescribingWord[], documents: readonly Document[]): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  let tied = false;
  for (const document of documents) {
    const naming = namingOf(document);
    const count = words.filter(({ word, terms }) => terms.some((term) => naming.terms.has(term)) || naming.words.some((other) => sharesStem(word, other))).length;
    if (count > bestCount) [best, bestCount, tied] = [document.id, count, false];
    else if (count === bestCount && count > 0) tied = true;
  }
  return !tied && bestCount * 2 > words.length ? best : undefined;
}

/**
 * Whether two words begin alike for four letters or more and two thirds of
 * the longer one: derived words the stemmer keeps apart, as "fusion" and
 * "fusing" ("the fusion piece" for "... Are Fusing Defense Industries"), but
 * not "internal" and "international".
 */
function sharesStem(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  let shared = 0;
  while (shared < shorter && a[shared] === b[shared]) shared++;
  return shared >= MIN_SHARED_PREFIX && shared * 3 >= Math.max(a.length, b.length) * 2;
}

const MIN_SHARED_PREFIX = 4;

/** The terms and lowercased words of a document's title and source, read once per document. */
const namingOf = perObject((document: Document): { terms: Set<string>; words: string[] } => {
  const text = `${document.title} ${document.source ?? ''}`.replace(/-/g, ' ');
  return { terms: new Set(analyze(text)), words: tokenize(text).map((token) => token.raw.toLowerCase()).filter((word) => analyze(word).length > 0) };
});
