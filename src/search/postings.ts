import type MiniSearch from 'minisearch';
import { internalsOf, type FieldPostings } from './minisearch-internals.ts';

/** One term of a candidate search: the index term, its boost, and how many typos it may have. */
export interface TermQuery {
  term: string;
  boost: number;
  /** Largest edit distance of the index terms it also matches; 0 for exact only. */
  maxDistance: number;
}

/** A passage found by the candidate search, as MiniSearch's `search()` would score it. */
export interface ScoredPassage {
  /** The passage's MiniSearch id (its position in the index). */
  id: number;
  score: number;
  /** The index terms the passage matched, typo-tolerant matches included. */
  terms: string[];
}

/** Scores candidates for a list of term queries, best first. */
export type CandidateSearch = (queries: readonly TermQuery[], limit: number) => ScoredPassage[];

/**
 * BM25 candidate search that reads MiniSearch's posting lists directly and
 * scores them into typed arrays. It ranks exactly as `miniSearch.search()`
 * with the same terms, boosts and fuzziness (`tests/search/postings.test.ts`
 * checks that it does), but `search()` builds a result object for every
 * matching passage: on 100k passages a question touches ten thousand of them
 * and that alone takes tens of milliseconds. Here a posting costs a few array
 * writes and only the best `limit` passages become objects.
 *
 * It reads MiniSearch's internal layout (see minisearch-internals.ts). When
 * the layout is not the known one it returns undefined and callers use `search()`.
 */
export function createCandidateSearch<T>(miniSearch: MiniSearch<T>, boost: Readonly<Record<string, number>>): CandidateSearch | undefined {
  const internals = internalsOf(miniSearch);
  if (internals === undefined) return undefined;
  const { _index: index, _fieldIds: fieldIds, _documentIds: documentIds, _avgFieldLength: averageLength, _documentCount: documentCount } = internals;
  const slots = internals._nextId;
  const fields = Object.entries(boost)
    .filter(([name]) => fieldIds[name] !== undefined)
    .map(([name, fieldBoost]) => ({ fieldId: fieldIds[name]!, boost: fieldBoost || 1, averageLength: averageLength[fieldIds[name]!] ?? 1 }));
  const fieldCount = Math.max(0, ...Object.values(fieldIds)) + 1;
  // Per short id: the caller's id, and each field's length, read once.
  const ids = new Float64Array(slots).fill(Number.NaN);
  const lengths = new Float64Array(slots * fieldCount);
  for (const [shortId, id] of documentIds) {
    if (typeof id !== 'number') return undefined;
    ids[shortId] = id;
    const fieldLength = internals._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) lengths[shortId * fieldCount + f] = fieldLength[f] ?? 0;
  }
  const scores = new Float64Array(slots);
  const matchedQueries = new Uint16Array(slots);
  const lastQuery = new Int32Array(slots).fill(-1);
  let touched: Int32Array = new Int32Array(1024);

  return (queries, limit) => {
    let touchedCount = 0;
    const derived: { term: string; data: FieldPostings }[] = [];
    const add = (queryIndex: number, data: FieldPostings, weight: number): void => {
      for (const { fieldId, boost: fieldBoost, averageLength: average } of fields) {
        const postings = data.get(fieldId);
        if (postings === undefined) continue;
        const matching = postings.size;
        const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        const factor = weight * fieldBoost * idf;
        for (const [shortId, frequency] of postings) {
          if (Number.isNaN(ids[shortId]!)) continue;
          const length = lengths[shortId * fieldCount + fieldId]!;
          scores[shortId]! += factor * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / average)));
          if (lastQuery[shortId] !== queryIndex) {
            if (matchedQueries[shortId] === 0) {
              if (touchedCount === touched.length) touched = grow(touched);
              touched[touchedCount++] = shortId;
            }
            lastQuery[shortId] = queryIndex;
            matchedQueries[shortId]!++;
          }
        }
      }
    };
    queries.forEach(({ term, boost: termBoost, maxDistance }, queryIndex) => {
      const exact = index.get(term);
      if (exact !== undefined) {
        derived.push({ term, data: exact });
        add(queryIndex, exact, termBoost);
      }
      if (maxDistance <= 0) return;
      for (const [other, [data, distance]] of index.fuzzyGet(term, maxDistance)) {
        if (distance === 0) continue;
        derived.push({ term: other, data });
        add(queryIndex, data, (termBoost * FUZZY_WEIGHT * other.length) / (other.length + distance));
      }
    });
    const best = topByScore(touched, touchedCount, limit, (shortId) => scores[shortId]! * matchedQueries[shortId]!);
    const results = best.map((shortId) => ({
      id: ids[shortId]!,
      score: scores[shortId]! * matchedQueries[shortId]!,
      terms: [...new Set(derived.filter(({ data }) => fields.some(({ fieldId }) => data.get(fieldId)?.has(shortId))).map(({ term }) => term))],
    }));
    for (let i = 0; i < touchedCount; i++) {
      const shortId = touched[i]!;
      scores[shortId] = 0;
      matchedQueries[shortId] = 0;
      lastQuery[shortId] = -1;
    }
    return results;
  };
}

/** MiniSearch's default BM25 parameters and fuzzy weight, which the engine does not change. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FUZZY_WEIGHT = 0.5;

/** The `limit` entries with the highest score, best first; ties go to the lower short id. */
function topByScore(entries: Int32Array, count: number, limit: number, score: (shortId: number) => number): number[] {
  const kept: { shortId: number; score: number }[] = [];
  if (limit < 1) return [];
  const worse = (a: { shortId: number; score: number }, b: { shortId: number; score: number }): boolean =>
    a.score < b.score || (a.score === b.score && a.shortId > b.shortId);
  for (let i = 0; i < count; i++) {
    const entry = { shortId: entries[i]!, score: score(entries[i]!) };
    if (kept.length === limit && !worse(kept[kept.length - 1]!, entry)) continue;
    // Insertion into a short sorted list: limit is a few dozen at most.
    if (kept.length === limit) kept.pop();
    let at = kept.length;
    while (at > 0 && worse(kept[at - 1]!, entry)) at--;
    kept.splice(at, 0, entry);
  }
  return kept.map((entry) => entry.shortId);
}

function grow(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
