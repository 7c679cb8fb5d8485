import type { Span } from '../corpus/types.ts';
import { sentencePieces } from '../text/sentences.ts';
import { termsOf, tokenize } from './analyzer.ts';
import type { AlternativeKind, Concept } from './query.ts';
import { hasAnswerOfType, type AnswerType } from './answer-type.ts';
import type { AnalyzedSentence } from './forward-index.ts';
import { perObject } from './memo.ts';

/** Longest excerpt by default; the forward index stores sentences cut to this length. */
export const MAX_EXCERPT_CHARS = 500;

/** A concept ready for matching: its weight and the credit each term earns. */
export interface WeightedConcept {
  concept: Concept;
  weight: number;
  /** Extra single-term alternatives found by typo tolerance, with their credit. */
  fuzzy: ReadonlyMap<string, number>;
  /** True when no way of writing the concept occurs anywhere in the corpus. */
  unknown: boolean;
}

/** The best few sentences of a passage for a question. */
export interface ExcerptChoice {
  /** Offsets within the passage text. */
  start: number;
  end: number;
  /** The question weight the chosen sentences match (sum of concept weights times credit). */
  matchedWeight: number;
  /** How many concepts the chosen sentences match. */
  matchedConcepts: number;
  /** Whether the chosen sentences hold something of the kind the question asks for. */
  hasAnswerType: boolean;
  /** The question weight the single best sentence matches: matches close together count most. */
  bestSentenceWeight: number;
  /** Share of the question's neighbouring pairs of concepts that the chosen sentences write side by side (0 to 1). */
  adjacentShare: number;
}

export interface ExcerptOptions {
  /** The kind of answer the question asks for; sentences that hold one score higher. */
  answerType?: AnswerType;
  /** The index terms of the question's own words: they do not count as the answer. */
  questionTerms?: ReadonlySet<string>;
  /** Longest excerpt, in characters. @default 500 */
  maxChars?: number;
  /** Excerpts are widened with neighbouring sentences up to this length. @default 360 (the engine passes its own, 450) */
  targetChars?: number;
  /**
   * The passage's sentences, already analysed (from the forward index, cut at
   * `maxChars`); read from the text when absent.
   */
  sentences?: readonly AnalyzedSentence[];
}

/** Credit for matching a concept only through part of a compound (`136` for `Shahed-136`). */
const PART_CREDIT = 0.5;
/** Credit for matching a concept through an alias. */
const ALIAS_CREDIT = 0.9;
/** Credit for matching a concept through a dictionary synonym, which may be of another sense. */
const SYNONYM_CREDIT = 0.4;
/** Credit for matching a concept through a synonym of a word the corpus writes too. */
const RELATED_CREDIT = 0.25;
const CREDIT: Record<AlternativeKind, number> = { own: 1, part: PART_CREDIT, alias: ALIAS_CREDIT, guess: SYNONYM_CREDIT, related: RELATED_CREDIT };

/** A concept no passage can match: the corpus never writes it, not even with a typo. */
export function isUnmatchable(concept: WeightedConcept): boolean {
  return concept.unknown && concept.fuzzy.size === 0;
}

/**
 * Chooses the run of one to three consecutive sentences that matches the most
 * question weight, then widens it with neighbouring sentences (the one that
 * matches more first) towards `targetChars`, never past `maxChars`. A sentence
 * longer than `maxChars` is cut at word boundaries around its matches.
 */
export function chooseExcerpt(text: string, concepts: readonly WeightedConcept[], options: ExcerptOptions = {}): ExcerptChoice {
  const maxChars = options.maxChars ?? MAX_EXCERPT_CHARS;
  const targetChars = Math.min(options.targetChars ?? 360, maxChars);
  const sentences = options.sentences ?? analyzeSentences(text, options);
  const typeBonus = options.answerType ? ANSWER_TYPE_BONUS * meanWeight(concepts) : 0;
  const windowScore = (first: number, last: number): number =>
    scoreTerms(unionTerms(sentences, first, last), concepts).score + (sentences.slice(first, last + 1).some((s) => s.hasAnswerType) ? typeBonus : 0);
  let best = { first: 0, last: 0, score: -1 };
  for (let first = 0; first < sentences.length; first++) {
    for (let last = first; last < Math.min(sentences.length, first + 3); last++) {
      if (sentences[last]!.end - sentences[first]!.start > maxChars) break;
      const score = windowScore(first, last) - (last - first) * 0.01;
      if (score > best.score) best = { first, last, score };
    }
  }
  let { first, last } = best;
  const width = (): number => sentences[last]!.end - sentences[first]!.start;
  while (width() < targetChars) {
    const before = first > 0 ? sentences[first - 1]! : undefined;
    const after = last + 1 < sentences.length ? sentences[last + 1]! : undefined;
    const canBefore = before !== undefined && sentences[last]!.end - before.start <= maxChars;
    const canAfter = after !== undefined && after.end - sentences[first]!.start <= maxChars;
    if (!canBefore && !canAfter) break;
    const gainBefore = canBefore ? windowScore(first - 1, first - 1) : -1;
    const gainAfter = canAfter ? windowScore(last + 1, last + 1) : -1;
    if (canAfter && gainAfter >= gainBefore) last++;
    else first--;
  }
  const start = sentences[first]!.start;
  const end = sentences[last]!.end;
  const matched = scoreTerms(unionTerms(sentences, first, last), concepts);
  const hasAnswerType = sentences.slice(first, last + 1).some((s) => s.hasAnswerType);
  const bestSentenceWeight = Math.max(...sentences.map((sentence) => scoreTerms(sentence.terms, concepts).score));
  const adjacentShare = adjacentPairShare(sentences.slice(first, last + 1), concepts);
  return { start, end, matchedWeight: matched.score, matchedConcepts: matched.count, hasAnswerType, bestSentenceWeight, adjacentShare };
}

/**
 * The words of an excerpt that match the question (spans within it) and the
 * distinct words, lowercased. Related words (synonyms, family and kin of the
 * question's words that the corpus also writes) are not shown: some are of another sense, and
 * the reader would be left wondering what "line" has to do with "job".
 */
export function highlightMatches(excerpt: string, concepts: readonly WeightedConcept[]): { highlights: Span[]; matchedTerms: string[] } {
  const wanted = wantedTerms(concepts, { related: false });
  const highlights: Span[] = [];
  const matchedTerms = new Set<string>();
  for (const token of tokenize(excerpt)) {
    if (termsOf(token.raw).some((term) => wanted.has(term))) {
      highlights.push({ start: token.start, end: token.end });
      matchedTerms.add(token.raw.toLowerCase());
    }
  }
  return { highlights, matchedTerms: [...matchedTerms] };
}

/** How much of the question a set of terms matches: the weighted sum and the number of concepts. */
export function scoreTerms(terms: ReadonlySet<string>, concepts: readonly WeightedConcept[]): { score: number; count: number } {
  // Each concept's best credit, found from the terms at hand: a sentence has far fewer terms than a
  // question has alternatives, with its synonyms, family and kin.
  const { creditsOf, compounds } = questionTables(concepts);
  const credits = new Float64Array(concepts.length);
  for (const term of terms) {
    for (const { at, credit } of creditsOf.get(term) ?? []) if (credit > credits[at]!) credits[at] = credit;
  }
  for (const { at, terms: all, credit } of compounds) if (credit > credits[at]! && all.every((term) => terms.has(term))) credits[at] = credit;
  let score = 0;
  let count = 0;
  concepts.forEach(({ weight }, at) => {
    if (credits[at]! > 0) count++;
    score += weight * credits[at]!;
  });
  return { score, count };
}

/**
 * How much of the question the sentences write as the question does: of each
 * two concepts next to each other in the question ("Russian engineers",
 * "artillery shells"), whether some sentence has a term of each next to the
 * other, in either order, with only stop words between. Each pair weighs as its
 * lighter concept; the result is the share of the weight of all such pairs.
 */
function adjacentPairShare(sentences: readonly AnalyzedSentence[], concepts: readonly WeightedConcept[]): number {
  if (concepts.length < 2) return 0;
  const { conceptsOf, pairWeights, pairTotal } = questionTables(concepts);
  const pairs = new Set<number>();
  for (const { hits } of sentences) {
    for (let i = 0; i + 1 < hits.length; i++) {
      const next = hits[i + 1]!;
      if (next.at - hits[i]!.at !== 1) continue;
      for (const a of conceptsOf.get(hits[i]!.term) ?? []) {
        for (const b of conceptsOf.get(next.term) ?? []) if (Math.abs(a - b) === 1) pairs.add(Math.min(a, b));
      }
    }
  }
  if (pairs.size === 0) return 0;
  let found = 0;
  pairWeights.forEach((weight, i) => {
    if (pairs.has(i)) found += weight;
  });
  return pairTotal > 0 ? found / pairTotal : 0;
}

/**
 * Made once per question: which concepts (by position) each term that can
 * match the question belongs to, the credit each one-term alternative and
 * typo-tolerant match earns its concept and the other alternatives (of
 * several terms, or none), the terms shown as matches (all but related words), and the weight
 * of each pair of neighbouring concepts (its lighter one's) with their total.
 */
const questionTables = perObject((concepts: readonly WeightedConcept[]) => {
  const table = new Map<string, number[]>();
  const creditsOf = new Map<string, { at: number; credit: number }[]>();
  const compounds: { at: number; terms: readonly string[]; credit: number }[] = [];
  const addCredit = (term: string, at: number, credit: number): void => {
    const list = creditsOf.get(term);
    if (!list) creditsOf.set(term, [{ at, credit }]);
    else list.push({ at, credit });
  };
  const add = (term: string, at: number): void => {
    const list = table.get(term);
    if (!list) table.set(term, [at]);
    else if (!list.includes(at)) list.push(at);
  };
  const shown = new Set<string>();
  concepts.forEach(({ concept, fuzzy }, at) => {
    for (const { terms, kind } of concept.alternatives) {
      if (terms.length === 1) addCredit(terms[0]!, at, CREDIT[kind]);
      else compounds.push({ at, terms, credit: CREDIT[kind] });
      for (const term of terms) {
        add(term, at);
        if (kind !== 'related') shown.add(term);
      }
    }
    for (const [term, credit] of fuzzy) add(term, at), shown.add(term), addCredit(term, at, credit);
  });
  const pairWeights: number[] = [];
  let pairTotal = 0;
  for (let i = 0; i + 1 < concepts.length; i++) {
    const weight = Math.min(concepts[i]!.weight, concepts[i + 1]!.weight);
    pairWeights.push(weight);
    pairTotal += weight;
  }
  return { conceptsOf: table, creditsOf, compounds, shown, pairWeights, pairTotal };
});

/** Share of the mean concept weight a sentence earns for holding the kind of answer asked for. */
const ANSWER_TYPE_BONUS = 0.5;

/** A passage's sentences (pieces of at most `maxChars`) with their terms, read from its text. */
export function analyzeSentences(text: string, options: ExcerptOptions): AnalyzedSentence[] {
  return sentencePieces(text, options.maxChars ?? MAX_EXCERPT_CHARS).map((span) => {
    const tokens = tokenize(text.slice(span.start, span.end));
    const hits = tokens.flatMap((token) => termsOf(token.raw)).map((term, at) => ({ term, at }));
    return {
      ...span,
      terms: new Set(hits.map((hit) => hit.term)),
      hits,
      hasAnswerType: options.answerType !== undefined && hasAnswerOfType(options.answerType, tokens, options.questionTerms ?? new Set()),
    };
  });
}

function meanWeight(concepts: readonly WeightedConcept[]): number {
  return concepts.length === 0 ? 0 : concepts.reduce((sum, c) => sum + c.weight, 0) / concepts.length;
}

function unionTerms(sentences: readonly AnalyzedSentence[], first: number, last: number): ReadonlySet<string> {
  if (first === last) return sentences[first]!.terms;
  const union = new Set<string>();
  for (let i = first; i <= last; i++) for (const term of sentences[i]!.terms) union.add(term);
  return union;
}

/**
 * Every term that counts as matching one of the concepts: their alternatives'
 * terms and typo-tolerant matches; with `related: false`, not the terms of
 * related words.
 */
export function wantedTerms(concepts: readonly WeightedConcept[], { related = true } = {}): Set<string> {
  const { conceptsOf, shown } = questionTables(concepts);
  return new Set(related ? conceptsOf.keys() : shown);
}
