import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { createEngine, engineFromIndex, searchCandidates, type Engine } from '../../src/search/index.ts';
import type { TermQuery } from '../../src/search/postings.ts';
import { fuzzyLookupOf } from '../../src/search/minisearch-internals.ts';
import { openBundledEngine, smallCorpus } from '../fixtures/bundled.ts';

let engine: Engine;
let vocabulary: string[];
beforeAll(() => {
  ({ engine } = openBundledEngine());
  vocabulary = [...engine.index.vocabulary.data.terms];
});

/**
 * What MiniSearch's own search returns for the same term queries, best `limit`
 * first, its scores multiplied by the number of concepts matched rather than of terms.
 */
function miniSearchReference(queries: readonly TermQuery[], limit: number) {
  const boosts = new Map(queries.map((q) => [q.term, q]));
  const conceptOf = (term: string, i = queries.findIndex((q) => q.term === term)) => queries[i]!.concept ?? -2 - i;
  return engine.index.miniSearch
    .search(queries.map((q) => q.term).join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: engine.index.boost,
      boostTerm: (term) => boosts.get(term)?.boost ?? 1,
      fuzzy: (term) => boosts.get(term)!.maxDistance || false,
      maxFuzzy: 2,
      // the engine's fuzzy weight (MiniSearch's default is 0.45)
      weights: { fuzzy: 0.5, prefix: 0.375 },
    })
    .map((r) => ({ ...r, score: (r.score / r.queryTerms.length) * new Set(r.queryTerms.map((term) => conceptOf(term))).size }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

describe('candidate search over the MiniSearch postings', () => {
  it('is available for the index the engine builds', () => {
    expect(engine.index.candidateSearch).toBeDefined();
  });

  it('ranks and scores exactly as MiniSearch search does, typo tolerance included', () => {
    const termQuery = fc.record({
      term: fc.oneof(
        fc.constantFrom(...vocabulary),
        // a known term with a letter changed, so that only typo tolerance finds it
        fc.tuple(fc.constantFrom(...vocabulary.filter((t) => /^[a-z]{6,}$/.test(t))), fc.nat()).map(([t, i]) => `${t.slice(0, 2 + (i % 3))}x${t.slice(3 + (i % 3))}`),
      ),
      boost: fc.constantFrom(1, 0.6, 0.5),
      maxDistance: fc.constantFrom(0, 1, 2),
    });
    // Consecutive queries may share a concept, as a word and its aliases do.
    const withConcepts = fc
      .tuple(fc.uniqueArray(termQuery, { minLength: 1, maxLength: 8, selector: (q) => q.term }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), fc.boolean())
      .map(([queries, startsConcept, numbered]) => {
        let concept = 0;
        return numbered ? queries.map((q, i): TermQuery => ({ ...q, concept: i > 0 && startsConcept[i] ? ++concept : concept })) : queries;
      });
    fc.assert(
      fc.property(withConcepts, fc.integer({ min: 1, max: 30 }), (queries, limit) => {
        const ours = engine.index.candidateSearch!(queries, limit);
        const reference = miniSearchReference(queries, limit);
        expect(ours.map((r) => r.score)).toEqual(reference.map((r) => expect.closeTo(r.score, 9)) as unknown as number[]);
        // Equal scores may come in either order; every passage must score what MiniSearch gives it.
        const referenceScore = new Map(reference.map((r) => [r.id, r.score]));
        for (const result of ours.filter((r) => referenceScore.has(r.id))) {
          expect(result.score).toBeCloseTo(referenceScore.get(result.id)!, 9);
          expect([...result.terms].sort()).toEqual([...reference.find((r) => r.id === result.id)!.terms].sort());
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts a thing the question asks about once, however many of its aliases a passage writes', () => {
    const corpus = smallCorpus([
      ['aliases.txt', 'Pyongyang sent shells. The DPRK, that is North Korea, sent shells again.'],
      ['rail.txt', 'North Korea sent the shells by rail.'],
    ]);
    const small = createEngine({ ...corpus, aliases: [['North Korea', 'DPRK', 'Pyongyang']] }, { countryAliases: false });
    const found = searchCandidates(small.index, 'Did North Korea send shells by rail?', 2);
    expect(found.map((f) => small.index.documents.get(small.index.passages[f.id]!.docId)!.title)).toEqual(['rail', 'aliases']);
  });

  it('leaves out the passages it is told to, scoring the rest as before', () => {
    const queries: TermQuery[] = [{ term: 'drone', boost: 1, maxDistance: 0 }, { term: 'russia', boost: 1, maxDistance: 0 }];
    const all = engine.index.candidateSearch!(queries, 500);
    const even = engine.index.candidateSearch!(queries, 10, (position) => position % 2 === 0);
    expect(even).toHaveLength(10);
    expect(even).toEqual(all.filter((found) => found.id % 2 === 0).slice(0, 10));
  });

  it('adds the best passages of a place to the best of all from one scoring, in score order', () => {
    const queries: TermQuery[] = [{ term: 'drone', boost: 1, maxDistance: 0 }, { term: 'russia', boost: 1, maxDistance: 0 }];
    const all = engine.index.candidateSearch!(queries, 500);
    // A place whose passages rank low: the last third of the index.
    const place = (position: number) => position >= (2 * engine.index.passages.length) / 3;
    const first = all.slice(0, 5);
    const placeBest = all.filter((found) => place(found.id)).slice(0, 5);
    expect(placeBest.some((found) => !first.includes(found))).toBe(true);
    const both = engine.index.candidateSearch!(queries, 5, undefined, place);
    const expected = [...new Set([...first, ...placeBest])].sort((a, b) => b.score - a.score || a.id - b.id);
    expect(both).toEqual(expected);
  });

  it('answers the same through MiniSearch search when the fast path is not available', () => {
    const withoutFastPath = engineFromIndex({ ...engine.index, candidateSearch: undefined });
    // The last names a document, whose passages are searched apart as well.
    for (const question of ['Who supplies drones to Russia?', 'How many shells did North Korea send?', 'What is the Alabuga Special Economic Zone?', 'Where is the Alabgua plant?', 'What does the Guardian piece say about drones?']) {
      expect(withoutFastPath.ask(question)).toEqual(engine.ask(question));
    }
  });

  it('finds no typo-tolerant lookup in a MiniSearch whose internals have changed', () => {
    expect(fuzzyLookupOf(new MiniSearch({ fields: ['text'] }))).toBeDefined();
    expect(fuzzyLookupOf(Object.assign(new MiniSearch({ fields: ['text'] }), { _index: undefined }))).toBeUndefined();
  });
});

describe('searchCandidates (the search alone)', () => {
  it('ranks the passages that hold the question words first, and finds nothing for a question of stop words', () => {
    const found = searchCandidates(engine.index, 'Alabuga Special Economic Zone', 5);
    expect(found.length).toBe(5);
    expect(engine.index.passages[found[0]!.id]!.text).toMatch(/Alabuga/);
    expect(found.map((f) => f.score)).toEqual([...found.map((f) => f.score)].sort((a, b) => b - a));
    expect(searchCandidates(engine.index, 'what is it and where was it?')).toEqual([]);
  });
});
