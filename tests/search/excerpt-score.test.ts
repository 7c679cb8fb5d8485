import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreTerms, type WeightedConcept } from '../../src/search/excerpt.ts';
import type { Alternative, AlternativeKind } from '../../src/search/query.ts';

const KINDS: readonly AlternativeKind[] = ['own', 'part', 'alias', 'guess', 'related'];
const TERMS = ['north', 'korea', 'shell', 'drone', 'plant', 'factori'] as const;

function weighted(alternatives: Alternative[], weight = 1, fuzzy: ReadonlyMap<string, number> = new Map()): WeightedConcept {
  return { concept: { label: alternatives[0]?.terms.join(' ') ?? '', alternatives }, weight, fuzzy, unknown: false };
}

/** What one alternative of a kind earns its concept of weight 1 alone. */
const creditOf = (kind: AlternativeKind): number => scoreTerms(new Set(['drone']), [weighted([{ terms: ['drone'], kind }])]).score;

describe('how much of a question a sentence matches', () => {
  it('credits the question\'s own word fully and every other kind of match less', () => {
    expect(creditOf('own')).toBe(1);
    // An alias, the corpus owner's word, counts more than a part of a compound, a dictionary guess, then a related word.
    const credits = (['own', 'alias', 'part', 'guess', 'related'] as const).map(creditOf);
    expect(credits).toEqual([...new Set(credits)].sort((a, b) => b - a));
    for (const kind of KINDS.filter((kind) => kind !== 'own')) {
      expect(creditOf(kind)).toBeGreaterThan(0);
      expect(creditOf(kind)).toBeLessThan(1);
    }
  });

  it.each([
    ['all words of a two-word alias', ['north', 'korea'], 2, 1],
    ['one word of a two-word alias', ['north'], 0, 0],
    ['a typo-tolerant match', ['dron'], 0.6 * 2, 1],
  ] as const)('counts %s', (_what, terms, score, count) => {
    const concept = weighted([{ terms: ['dprk'], kind: 'own' }, { terms: ['north', 'korea'], kind: 'own' }], 2, new Map([['dron', 0.6]]));
    expect(scoreTerms(new Set(terms), [concept])).toEqual({ score, count });
  });

  // The reference: for each concept, the best credit of the alternatives whose terms the sentence all has and of its typo matches.
  const alternative = fc.record({ terms: fc.uniqueArray(fc.constantFrom(...TERMS), { maxLength: 3 }), kind: fc.constantFrom(...KINDS) });
  const concept = fc
    .tuple(fc.array(alternative, { maxLength: 5 }), fc.double({ min: 0.1, max: 8, noNaN: true }), fc.dictionary(fc.constantFrom(...TERMS), fc.double({ min: 0.1, max: 1, noNaN: true })))
    .map(([alternatives, weight, fuzzy]) => weighted(alternatives, weight, new Map(Object.entries(fuzzy))));

  it('gives each concept its best match, counted once, whatever the number of ways the sentence writes it', () => {
    fc.assert(
      fc.property(fc.array(concept, { maxLength: 6 }), fc.uniqueArray(fc.constantFrom(...TERMS)), (concepts, sentence) => {
        const terms = new Set<string>(sentence);
        let score = 0;
        let count = 0;
        for (const { concept, weight, fuzzy } of concepts) {
          const credits = [
            ...concept.alternatives.filter((alt) => alt.terms.every((term) => terms.has(term))).map((alt) => creditOf(alt.kind)),
            ...[...fuzzy].filter(([term]) => terms.has(term)).map(([, credit]) => credit),
          ];
          const best = Math.max(0, ...credits);
          if (best > 0) count++;
          score += weight * best;
        }
        const actual = scoreTerms(terms, concepts);
        expect(actual.count).toBe(count);
        expect(actual.score).toBeCloseTo(score, 9);
      }),
    );
  });
});
