import MiniSearch, { type Options } from 'minisearch';
import type { Corpus, Document, Passage } from '../corpus/types.ts';
import { splitIntoPassages, type SplitOptions } from '../corpus/split.ts';
import { termsOf, tokenize } from './analyzer.ts';
import { compileAliases, type AliasTable } from './query.ts';
import { countryAliasGroups, mergeAliasGroups } from './country-aliases.ts';
import { createCandidateSearch, postingTableOf, type CandidateSearch, type FuzzyLookup, type PostingTable } from './postings.ts';
import { fuzzyLookupOf, knowsMiniSearchLayout } from './minisearch-internals.ts';
import { buildTermTables, type ForwardIndex } from './forward-index.ts';
import { MAX_EXCERPT_CHARS } from './excerpt.ts';
import type { Vocabulary } from './vocabulary.ts';
import { buildAcronymTable, type AcronymTable } from './acronyms.ts';

export interface IndexOptions {
  /** How documents are cut into passages. */
  split?: SplitOptions;
  /**
   * Field boosts for BM25 scoring. Measured on the development questions and
   * SQuAD (`npm run bench:quality`): the section heading helps a little, the
   * title (shared by every passage of a document) only slightly.
   * @default { title: 0.3, section: 0.6, text: 1 }
   */
  boost?: { title?: number; section?: number; text?: number };
  /**
   * Whether questions also match countries by their capital and demonym
   * ("Seoul", "Yemeni"), on top of the corpus's alias file. @default true
   */
  countryAliases?: boolean;
  /** Called as passages are indexed, for a progress bar on large corpora. */
  onProgress?: (indexed: number, total: number) => void;
}

/**
 * The options that shape the built index, with their defaults, for the
 * cache's fingerprint. The return type names every key of `IndexOptions` but
 * the progress callback, so a new option cannot be left out of it.
 */
export function indexSettings(options: IndexOptions = {}): Record<Exclude<keyof IndexOptions, 'onProgress'>, unknown> {
  return { split: options.split ?? null, boost: options.boost ?? null, countryAliases: options.countryAliases ?? true };
}

/** Everything a question is answered from, built once per corpus. */
export interface SearchIndex {
  /** The MiniSearch index; loaded from the cache, it is restored on first use (completions, typos). */
  readonly miniSearch: MiniSearch<IndexedPassage>;
  /** MiniSearch's postings as flat arrays, for fast BM25 and the cache; undefined if they could not be read. */
  postings: PostingTable | undefined;
  documents: ReadonlyMap<string, Document>;
  /** Passages in corpus order; the MiniSearch id of a passage is its position here. */
  passages: readonly Passage[];
  passageById: ReadonlyMap<string, number>;
  /** Every index term, with how many passages hold it and a word that shows it; and how many passages' text writes each word as written. */
  vocabulary: Vocabulary;
  /** Each passage's sentences and their terms, to choose excerpts without re-reading passages. */
  forward: ForwardIndex;
  aliases: AliasTable;
  /**
   * The corpus's capitalised phrases by their initials, for acronyms in questions
   * ("SEZ"): loaded from the cache, or read from the passages on first use.
   */
  readonly acronyms: AcronymTable;
  boost: Required<NonNullable<IndexOptions['boost']>>;
  /** Fast BM25 over `postings`; undefined when there are none or MiniSearch's layout is not the known one. */
  candidateSearch: CandidateSearch | undefined;
}

/** What MiniSearch indexes of a passage; the text itself is kept once, in `passages`. */
export interface IndexedPassage {
  id: number;
  title: string;
  section: string;
  text: string;
}

export const defaultBoost = { title: 0.3, section: 0.6, text: 1 };

/** The MiniSearch options shared by building and loading an index. */
export function miniSearchOptions(): Options<IndexedPassage> {
  return {
    fields: ['title', 'section', 'text'],
    storeFields: [],
    tokenize: (text) => tokenize(text).map((token) => token.raw),
    processTerm: (term) => [...termsOf(term)],
  };
}

/** Splits every document into passages and indexes them. */
export function buildSearchIndex(corpus: Corpus, options: IndexOptions = {}): SearchIndex {
  const documents = new Map(corpus.documents.map((document) => [document.id, document]));
  const passages = corpus.documents.flatMap((document) => splitIntoPassages(document, options.split));
  const miniSearch = new MiniSearch<IndexedPassage>(miniSearchOptions());
  const chunk = 2000;
  for (let from = 0; from < passages.length; from += chunk) {
    miniSearch.addAll(
      passages
        .slice(from, from + chunk)
        .map((passage, i) => ({ id: from + i, title: documents.get(passage.docId)!.title, section: passage.section, text: passage.text })),
    );
    options.onProgress?.(Math.min(from + chunk, passages.length), passages.length);
  }
  const aliases = options.countryAliases === false ? corpus.aliases : mergeAliasGroups(corpus.aliases, countryAliasGroups());
  return assembleIndex(miniSearch, documents, passages, compileAliases(aliases), options);
}

/** Puts the lookup tables around an index built now. */
export function assembleIndex(
  miniSearch: MiniSearch<IndexedPassage>,
  documents: ReadonlyMap<string, Document>,
  passages: readonly Passage[],
  aliases: AliasTable,
  options: IndexOptions = {},
): SearchIndex {
  const { vocabulary, forward } = buildTermTables(passages, (passage) => documents.get(passage.docId)?.title ?? '', MAX_EXCERPT_CHARS);
  const boost = { ...defaultBoost, ...options.boost };
  const postings = postingTableOf(miniSearch, vocabulary);
  return indexFromParts({ miniSearch: () => miniSearch, postings, documents, passages, vocabulary, forward, aliases, boost });
}

/**
 * The stored parts of an index (built now or read from the cache); MiniSearch may be made on
 * demand, and the acronym table, when not given, is read from the passages on first use.
 */
export type IndexParts = Omit<SearchIndex, 'miniSearch' | 'passageById' | 'candidateSearch' | 'acronyms'> & {
  miniSearch: () => MiniSearch<IndexedPassage>;
  acronyms?: AcronymTable;
};

/** An index from its parts, with the lookup tables added. */
export function indexFromParts(parts: IndexParts): SearchIndex {
  let miniSearch: MiniSearch<IndexedPassage> | undefined;
  let acronyms = parts.acronyms;
  const index: SearchIndex = {
    get miniSearch() {
      return (miniSearch ??= parts.miniSearch());
    },
    // About 2 s per 100k passages: only when a question first needs it, or at warm-up.
    get acronyms() {
      return (acronyms ??= buildAcronymTable(parts.passages));
    },
    postings: parts.postings,
    documents: parts.documents,
    passages: parts.passages,
    passageById: new Map(parts.passages.map((passage, i) => [passage.id, i])),
    vocabulary: parts.vocabulary,
    forward: parts.forward,
    aliases: parts.aliases,
    boost: parts.boost,
    candidateSearch: undefined,
  };
  // The typo-tolerant lookup walks MiniSearch's term tree, so the index is only made when a typo needs it.
  if (parts.postings && knowsMiniSearchLayout()) {
    let fuzzyLookup: FuzzyLookup | undefined;
    index.candidateSearch = createCandidateSearch(parts.postings, parts.vocabulary, parts.boost, (term, maxDistance) =>
      (fuzzyLookup ??= fuzzyLookupOf(index.miniSearch)!)(term, maxDistance),
    );
  }
  return index;
}

/** Inverse document frequency of a term, as BM25 computes it; unseen terms count as the rarest. */
export function inverseDocumentFrequency(index: SearchIndex, term: string): number {
  return idf(index.passages.length, Math.max(index.vocabulary.documentFrequency(term), 1));
}

/** BM25's inverse document frequency of something `count` of `total` passages hold. */
export function idf(total: number, count: number): number {
  return Math.log(1 + (total - count + 0.5) / (count + 0.5));
}
