import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/index.ts';
import { analyzeQuestion, withNumberWords } from '../../src/search/query.ts';
import { excerptsOf, smallCorpus } from '../fixtures/bundled.ts';

describe('numbers in words and in digits', () => {
  const known = new Set(['four', '12', 'countri']);
  const isKnown = (term: string) => known.has(term);

  it('adds the way the corpus writes a number as the same word', () => {
    const [four] = withNumberWords(analyzeQuestion('4', []), isKnown);
    expect(four!.alternatives).toEqual([
      { terms: ['4'], kind: 'own' },
      { terms: ['four'], kind: 'alias' },
    ]);
  });

  it.each([
    ['a number the corpus never spells out', '5 countries'],
    ['a number in words: the corpus\'s digits may be parts of names', 'twelve'],
    ['a number inside a compound or an ordinal', 'KN-4 2nd'],
  ])('adds nothing to %s', (_case, question) => {
    const concepts = analyzeQuestion(question, []);
    expect(withNumberWords(concepts, (term) => known.has(term) || ['4', 'nd'].includes(term) || term === 'second')).toEqual(concepts);
  });

  it('finds and highlights a number the question writes in digits and the text in words', () => {
    const engine = createEngine(
      smallCorpus([
        ['alliance.txt', 'The countries pledged support to each other, and the countries kept pledging it for years.'],
        ['pact.txt', 'Only four countries pledged support to the pact in June.'],
      ]),
    );
    const [first] = excerptsOf(engine.ask('Which 4 countries pledged support?'));
    expect(first!.citation.title).toBe('pact');
    expect(first!.matchedTerms).toContain('four');
  });
});
