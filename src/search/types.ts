import type { Passage } from '../corpus/types.ts';

/** Where an excerpt comes from, enough to find it again. */
export interface Citation {
  passageId: string;
  docId: string;
  title: string;
  section: string;
  source?: string;
  url?: string;
}

/** A quotation from one passage: the corpus's own words, never rewritten. */
export interface Excerpt {
  /** Plain text, a substring of the passage text (at most 500 characters). */
  text: string;
  citation: Citation;
  score: number;
  /** Character offsets of the excerpt within its passage text. */
  start: number;
  end: number;
  /** Spans within `text` that matched question terms, for highlighting. */
  highlights: HighlightSpan[];
  /** The distinct corpus words that matched, lowercased. */
  matchedTerms: string[];
}

export interface HighlightSpan {
  start: number;
  end: number;
}

export type Answer =
  | {
      kind: 'answered';
      question: string;
      excerpts: Excerpt[];
      /** How many ranked excerpts there are in all (for paging). */
      total: number;
      /** Share of the question's weight the best excerpt matches (0..1); adverbs no passage matches are left out. */
      confidence: number;
    }
  | {
      kind: 'no-match';
      question: string;
      /** Why nothing was returned, phrased for the user. */
      reason: 'empty-question' | 'no-terms' | 'off-topic';
      message: string;
    };

export interface AskOptions {
  /** How many excerpts to return. @default 3 */
  limit?: number;
  /** How many ranked excerpts to skip (paging). @default 0 */
  offset?: number;
}

export interface PassageView {
  passage: Passage;
  citation: Citation;
  previousId?: string;
  nextId?: string;
}
