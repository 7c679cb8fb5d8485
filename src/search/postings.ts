import type MiniSearch from 'minisearch';
import type { Vocabulary } from './vocabulary.ts';
import { internalsOf, type FieldPostings } from './minisearch-internals.ts';

/**
 * MiniSearch's posting lists as flat arrays, one row per vocabulary term and
 * field: what BM25 needs, without a Map per term. Copied from MiniSearch
 * after a build and stored as is in the index cache.
 */
export interface PostingTable {
  /** Field ids as MiniSearch numbers them (`{ title: 0, section: 1, text: 2 }`). */
  fieldIds: Record<string, number>;
  /** Per term id × field count + field, and one past the last: where its run starts in `postings`. */
  runs: Int32Array;
  /** (passage position, frequency) pairs, by term and field, passages ascending. */
  postings: Int32Array;
  /** Per passage position × field count + field: the field's length in terms. */
  fieldLengths: Int32Array;
  averageFieldLength: number[];
  documentCount: number;
}

/** One term of a candidate search: the index term, its boost, and how many typos it may have. */
export interface TermQuery {
  term: string;
  boost: number;
  /** Largest edit distance of the index terms it also matches; 0 for exact only. */
  maxDistance: number;
  /**
   * Queries that ask for one thing (a word of the question and its aliases)
   * share a concept number and must come one after another: a passage that
   * matches several of them counts one matched query, not several.
   */
  concept?: number;
}

/** A passage found by the candidate search, as MiniSearch's `search()` would score it. */
export interface ScoredPassage {
  /** The passage's position in the index (its MiniSearch id). */
  id: number;
  score: number;
  /** The index terms the passage matched, typo-tolerant matches included. */
  terms: string[];
}

/**
 * The `limit` passages that score best for the queries, among those `accept`
 * accepts (all when it is not given), best first. With `alsoWithin` (a place
 * the question names), also the best `limit` of the passages it accepts,
 * whatever `accept` says, less those already found, all in score order: the
 * passages are scored once for both lists.
 */
export type CandidateSearch = (
  queries: readonly TermQuery[],
  limit: number,
  accept?: (position: number) => boolean,
  alsoWithin?: (position: number) => boolean,
) => ScoredPassage[];

/** Higher score first; of equal scores, the passage earlier in the index. */
export function byScore(a: ScoredPassage, b: ScoredPassage): number {
  return b.score - a.score || a.id - b.id;
}

/** The candidates of `first` and those of `more` not among them, in score order. */
export function withMoreCandidates(first: readonly ScoredPassage[], more: readonly ScoredPassage[]): ScoredPassage[] {
  const found = new Set(first.map((candidate) => candidate.id));
  return [...first, ...more.filter((candidate) => !found.has(candidate.id))].sort(byScore);
}

/** The index terms within an edit distance of a term, with their distance (MiniSearch's fuzzy lookup). */
export type FuzzyLookup = (term: string, maxDistance: number) => Iterable<[string, number]>;

/**
 * Copies a freshly built MiniSearch index into a posting table, reading its
 * Maps directly (its toJSON() would build hundreds of megabytes of objects at
 * 100k passages). Undefined when MiniSearch's layout is not the known one,
 * its ids are not passage positions, or a term is missing from the
 * vocabulary (neither of the last two happens with the engine's own build).
 */
export function postingTableOf<T>(miniSearch: MiniSearch<T>, vocabulary: Vocabulary): PostingTable | undefined {
  const internals = internalsOf(miniSearch);
  if (internals === undefined || internals._dirtCount !== 0 || internals._nextId !== internals._documentCount) return undefined;
  const fieldCount = Object.keys(internals._fieldIds).length;
  const documentCount = internals._documentCount;
  const fieldLengths = new Int32Array(documentCount * fieldCount);
  for (const [shortId, id] of internals._documentIds) {
    if (shortId !== id) return undefined;
    const lengths = internals._fieldLength.get(shortId) ?? [];
    for (let field = 0; field < fieldCount; field++) fieldLengths[shortId * fieldCount + field] = lengths[field] ?? 0;
  }
  const rows: (FieldPostings | undefined)[] = new Array(vocabulary.size);
  let total = 0;
  for (const [term, fields] of internals._index) {
    const id = vocabulary.id(term);
    if (id === undefined) return undefined;
    rows[id] = fields;
    for (const frequencies of fields.values()) total += frequencies.size;
  }
  const runs = new Int32Array(vocabulary.size * fieldCount + 1);
  const postings = new Int32Array(total * 2);
  let at = 0;
  for (let id = 0; id < vocabulary.size; id++) {
    for (let field = 0; field < fieldCount; field++) {
      // Passages were added in order, so each Map lists them ascending.
      for (const [position, frequency] of rows[id]?.get(field) ?? []) {
        postings[at++] = position;
        postings[at++] = frequency;
      }
      runs[id * fieldCount + field + 1] = at;
    }
  }
  return { fieldIds: { ...internals._fieldIds }, runs, postings, fieldLengths, averageFieldLength: [...internals._avgFieldLength], documentCount };
}

/**
 * BM25 candidate search over a posting table, scoring into typed arrays. It
 * ranks exactly as `miniSearch.search()` with the same terms, boosts and
 * fuzziness (`tests/search/postings.test.ts` checks that it does), except
 * that MiniSearch multiplies a passage's score by the number of query terms
 * it matches and this search by the number of concepts (see `TermQuery`):
 * a passage that writes North Korea as "North Korea", "DPRK" and "Pyongyang"
 * matched one thing the question asks about, not three. It is also faster:
 * `search()` builds a result object for every matching passage: on 100k
 * passages a question touches ten thousand of them and that alone takes tens
 * of milliseconds. Here a posting costs a few array writes and only the best
 * `limit` passages become objects.
 */
export function createCandidateSearch(
  table: PostingTable,
  vocabulary: Vocabulary,
  boost: Readonly<Record<string, number>>,
  fuzzyLookup: FuzzyLookup,
): CandidateSearch {
  const fieldCount = Object.keys(table.fieldIds).length;
  const fields = Object.entries(boost)
    .filter(([name]) => table.fieldIds[name] !== undefined)
    .map(([name, fieldBoost]) => ({ field: table.fieldIds[name]!, boost: fieldBoost || 1, averageLength: table.averageFieldLength[table.fieldIds[name]!] ?? 1 }));
  const { runs, postings, fieldLengths, documentCount } = table;
  const scores = new Float64Array(documentCount);
  const matchedConcepts = new Uint16Array(documentCount);
  /** The concept of the query that last scored the passage; -1 for none. */
  const lastConcept = new Int32Array(documentCount).fill(-1);
  let touched: Int32Array = new Int32Array(1024);

  return (queries, limit, accept, alsoWithin) => {
    let touchedCount = 0;
    const derived: { term: string; id: number }[] = [];
    const add = (concept: number, id: number, weight: number): void => {
      for (const { field, boost: fieldBoost, averageLength } of fields) {
        const [from, to] = [runs[id * fieldCount + field]!, runs[id * fieldCount + field + 1]!];
        if (from === to) continue;
        const matching = (to - from) / 2;
        const factor = weight * fieldBoost * Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        for (let p = from; p < to; p += 2) {
          const position = postings[p]!;
          const frequency = postings[p + 1]!;
          const length = fieldLengths[position * fieldCount + field]!;
          scores[position]! += factor * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / averageLength)));
          if (lastConcept[position] !== concept) {
            if (matchedConcepts[position] === 0) {
              if (touchedCount === touched.length) touched = grow(touched);
              touched[touchedCount++] = position;
            }
            lastConcept[position] = concept;
            matchedConcepts[position]!++;
          }
        }
      }
    };
    queries.forEach(({ term, boost: termBoost, maxDistance, concept: given }, queryIndex) => {
      // A query without a concept is one of its own, numbered apart from the given ones.
      const concept = given ?? -2 - queryIndex;
      const id = vocabulary.id(term);
      if (id !== undefined) {
        derived.push({ term, id });
        add(concept, id, termBoost);
      }
      if (maxDistance <= 0) return;
      for (const [other, distance] of fuzzyLookup(term, maxDistance)) {
        const otherId = vocabulary.id(other);
        if (distance === 0 || otherId === undefined) continue;
        derived.push({ term: other, id: otherId });
        add(concept, otherId, (termBoost * FUZZY_WEIGHT * other.length) / (other.length + distance));
      }
    });
    const score = (position: number): number => scores[position]! * matchedConcepts[position]!;
    const candidate = (position: number): ScoredPassage => ({
      id: position,
      score: score(position),
      terms: [...new Set(derived.filter(({ id }) => fields.some(({ field }) => runHas(table, id * fieldCount + field, position))).map(({ term }) => term))],
    });
    const best = topByScore(touched, touchedCount, limit, score, accept);
    // The place's passages already among the best are left out before they are built again.
    const more = alsoWithin ? topByScore(touched, touchedCount, limit, score, alsoWithin).filter((position) => !best.includes(position)) : [];
    const results = alsoWithin ? [...best, ...more].map(candidate).sort(byScore) : best.map(candidate);
    for (let i = 0; i < touchedCount; i++) {
      const position = touched[i]!;
      scores[position] = 0;
      matchedConcepts[position] = 0;
      lastConcept[position] = -1;
    }
    return results;
  };
}

/** MiniSearch's default BM25 parameters, which the engine does not change. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** The weight of a typo-tolerant match, as the engine asks MiniSearch for it. */
export const FUZZY_WEIGHT = 0.5;

/** Where the (passage position, frequency) pairs of one term in one named field start and end in `table.postings`. */
export function postingRun(table: PostingTable, termId: number, field: string): { from: number; to: number } {
  const fieldId = table.fieldIds[field];
  if (fieldId === undefined) throw new Error(`the posting table has no field "${field}"`);
  const run = termId * Object.keys(table.fieldIds).length + fieldId;
  return { from: table.runs[run]!, to: table.runs[run + 1]! };
}

/** Whether a run of (position, frequency) pairs holds the position (binary search: runs are ascending). */
function runHas(table: PostingTable, run: number, position: number): boolean {
  let low = table.runs[run]! / 2;
  let high = table.runs[run + 1]! / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = table.postings[middle * 2]!;
    if (found === position) return true;
    if (found < position) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** The `limit` entries with the highest score among those `accept` accepts (all without it), best first; ties go to the lower position. */
function topByScore(entries: Int32Array, count: number, limit: number, score: (position: number) => number, accept?: (position: number) => boolean): number[] {
  const kept: { position: number; score: number }[] = [];
  if (limit < 1) return [];
  const worse = (a: { position: number; score: number }, b: { position: number; score: number }): boolean =>
    a.score < b.score || (a.score === b.score && a.position > b.position);
  for (let i = 0; i < count; i++) {
    if (accept && !accept(entries[i]!)) continue;
    const entry = { position: entries[i]!, score: score(entries[i]!) };
    if (kept.length === limit && !worse(kept[kept.length - 1]!, entry)) continue;
    // Insertion into a short sorted list: limit is a few dozen at most.
    if (kept.length === limit) kept.pop();
    let at = kept.length;
    while (at > 0 && worse(kept[at - 1]!, entry)) at--;
    kept.splice(at, 0, entry);
  }
  return kept.map((entry) => entry.position);
}

function grow(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
