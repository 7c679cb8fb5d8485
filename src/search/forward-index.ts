import type { Passage } from '../corpus/types.ts';
import { sentencePieces } from '../text/sentences.ts';
import { termsOf, tokenize } from './analyzer.ts';
import { answerKindsOf } from './answer-type.ts';
import { createVocabularyBuilder, writtenForm, type Vocabulary } from './vocabulary.ts';

/**
 * Every passage's sentences with the index terms of each, in flat typed
 * arrays: what a question needs to choose excerpts without reading the
 * passages again. About 4 bytes per word of the corpus.
 */
export interface ForwardIndex {
  /** Sentences longer than this were cut at spaces into pieces no longer. */
  readonly maxSentenceChars: number;
  /** Per passage, and one past the last: its first sentence. */
  readonly passageSentences: Int32Array;
  /** Sentence offsets within their passage's text. */
  readonly sentenceStarts: Int32Array;
  readonly sentenceEnds: Int32Array;
  /** Per sentence, and one past the last: its first entry in `terms`. */
  readonly sentenceTerms: Int32Array;
  /** Term ids of the sentences' words, in order. */
  readonly terms: Int32Array;
  /** Per sentence, and one past the last: its first entry in `hints`. */
  readonly sentenceHints: Int32Array;
  /**
   * The words that could be an answer (see `answerKindsOf`): the id of the
   * word's first term times 8 plus its kind bits; `NO_TERM` as the id of a
   * word that has no index term.
   */
  readonly hints: Int32Array;
}

/** A sentence of a passage as excerpt choice sees it. */
export interface AnalyzedSentence {
  /** Offsets within the passage text. */
  start: number;
  end: number;
  /** The sentence's index terms; from the forward index, only those the question asks for. */
  terms: ReadonlySet<string>;
  /** Whether a word of it could be the kind of answer the question asks for. */
  hasAnswerType: boolean;
  /**
   * Where its terms stand, in order: the position counts index terms, so stop
   * words between two words do not part them. From the forward index, only the
   * terms the question asks for.
   */
  hits: readonly TermHit[];
}

/** A term of a sentence and its position among the sentence's terms. */
export interface TermHit {
  term: string;
  at: number;
}

/** Id stored in a hint for a word with no index term (a stop word such as "one" or "May"). */
const NO_TERM = 0x0fffffff;

/**
 * Reads every passage once: counts the vocabulary over title, section and
 * text, and the text's words as written (stop words left out), and records
 * the text's sentences and their terms.
 */
export function buildTermTables(
  passages: readonly Passage[],
  titleOf: (passage: Passage) => string,
  maxSentenceChars: number,
): { vocabulary: Vocabulary; forward: ForwardIndex } {
  const vocabulary = createVocabularyBuilder();
  const passageSentences = [0];
  const sentenceStarts: number[] = [];
  const sentenceEnds: number[] = [];
  const sentenceTerms = [0];
  const terms: number[] = [];
  const sentenceHints = [0];
  const hints: number[] = [];
  for (const passage of passages) {
    vocabulary.nextPassage();
    for (const token of tokenize(`${titleOf(passage)}\n${passage.section}`)) {
      for (const term of termsOf(token.raw)) vocabulary.add(term, token.raw.toLowerCase());
    }
    // Words as MiniSearch reads them (the whole text), each in the sentence where it starts.
    const tokens = tokenize(passage.text);
    let next = 0;
    for (const piece of sentencePieces(passage.text, maxSentenceChars)) {
      while (next < tokens.length && tokens[next]!.start < piece.start) next++;
      for (let i = 0; next < tokens.length && tokens[next]!.start < piece.end; i++, next++) {
        const raw = tokens[next]!.raw;
        const lower = raw.toLowerCase();
        const form = writtenForm(lower);
        if (form !== undefined) vocabulary.addWritten(form);
        let first = NO_TERM;
        for (const term of termsOf(raw)) {
          const id = vocabulary.add(term, lower);
          if (first === NO_TERM) first = id;
          terms.push(id);
        }
        const kinds = answerKindsOf(raw, i);
        if (kinds !== 0) hints.push(first * 8 + kinds);
      }
      sentenceStarts.push(piece.start);
      sentenceEnds.push(piece.end);
      sentenceTerms.push(terms.length);
      sentenceHints.push(hints.length);
    }
    passageSentences.push(sentenceStarts.length);
  }
  return {
    vocabulary: vocabulary.finish(),
    forward: {
      maxSentenceChars,
      passageSentences: Int32Array.from(passageSentences),
      sentenceStarts: Int32Array.from(sentenceStarts),
      sentenceEnds: Int32Array.from(sentenceEnds),
      sentenceTerms: Int32Array.from(sentenceTerms),
      terms: Int32Array.from(terms),
      sentenceHints: Int32Array.from(sentenceHints),
      hints: Int32Array.from(hints),
    },
  };
}

/** What a question looks for in the forward index. */
export interface SentenceQuery {
  /** The ids of the terms the question asks for, with the terms. */
  wanted: ReadonlyMap<number, string>;
  /** The `ANSWER_KIND` bit of the answer asked for; 0 when the question does not say. */
  answerKind: number;
  /** Term ids of the question's own words: such words are not the answer. */
  questionTermIds: ReadonlySet<number>;
}

/** The sentences of one passage, each with the question's terms it holds. */
export function sentencesOf(forward: ForwardIndex, position: number, query: SentenceQuery): AnalyzedSentence[] {
  const sentences: AnalyzedSentence[] = [];
  for (let s = forward.passageSentences[position]!; s < forward.passageSentences[position + 1]!; s++) {
    const found = new Set<string>();
    const hits: TermHit[] = [];
    const first = forward.sentenceTerms[s]!;
    for (let t = first; t < forward.sentenceTerms[s + 1]!; t++) {
      const term = query.wanted.get(forward.terms[t]!);
      if (term === undefined) continue;
      found.add(term);
      hits.push({ term, at: t - first });
    }
    let hasAnswerType = false;
    for (let h = forward.sentenceHints[s]!; query.answerKind !== 0 && !hasAnswerType && h < forward.sentenceHints[s + 1]!; h++) {
      const hint = forward.hints[h]!;
      hasAnswerType = (hint & query.answerKind) !== 0 && !query.questionTermIds.has(hint >>> 3);
    }
    sentences.push({ start: forward.sentenceStarts[s]!, end: forward.sentenceEnds[s]!, terms: found, hasAnswerType, hits });
  }
  return sentences;
}
