import { describe, expect, it } from 'vitest';
import { irregularForms, packagedIrregularForms } from '../../src/search/inflections.ts';
import { createEngine } from '../../src/search/index.ts';
import { analyzeQuestion, withIrregularForms } from '../../src/search/query.ts';
import { firstTitle, smallCorpus } from '../fixtures/bundled.ts';

describe('WordNet irregular forms', () => {
  const forms = packagedIrregularForms()!;

  it('joins irregular verbs and nouns to their base words, both ways', () => {
    expect(forms.formsOf('meet')).toContain('met');
    expect(forms.formsOf('Sell')).toContain('sold');
    expect(forms.baseWordsOf('fought')).toEqual(['fight']);
    expect(forms.baseWordsOf('children')).toEqual(['child']);
  });

  it('has no irregular adjectives, and nothing for a regular word', () => {
    expect(forms.baseWordsOf('better')).not.toContain('good');
    expect(forms.formsOf('drone')).toEqual([]);
    expect(forms.baseWordsOf('drones')).toEqual([]);
  });

  it('leaves out pairs of several words', () => {
    const built = irregularForms([['went', 'go'], ['went_by', 'go_by'], ['gone away', 'go']]);
    expect(built.formsOf('go')).toEqual(['went']);
  });
});

describe('irregular forms in questions', () => {
  const forms = irregularForms([['met', 'meet'], ['born', 'bear'], ['borne', 'bear']]);
  const known = new Set(['met', 'bear', 'putin']);
  const isKnown = (term: string) => known.has(term);

  it('adds the forms of a base word as the same word, not as a guess', () => {
    const [meet] = withIrregularForms(analyzeQuestion('meet', []), forms, isKnown);
    expect(meet!.alternatives).toEqual([
      { terms: ['meet'], kind: 'own' },
      { terms: ['met'], kind: 'alias' },
    ]);
  });

  it('adds the base word of a form only as a guess', () => {
    const [born] = withIrregularForms(analyzeQuestion('born', []), forms, isKnown);
    expect(born!.alternatives).toEqual([
      { terms: ['born'], kind: 'own' },
      { terms: ['bear'], kind: 'guess' },
    ]);
  });

  it('adds nothing the corpus does not write, and leaves other words alone', () => {
    const concepts = analyzeQuestion('Putin borne', []);
    expect(withIrregularForms(concepts, forms, (term) => term === 'putin')).toEqual(concepts);
  });

  const corpus = smallCorpus([
    ['sales.txt', 'Iran sold hundreds of drones to Russia in 2022.'],
    ['summit.txt', 'Vladimir Putin met Kim Jong-un in Pyongyang in June 2024.'],
  ]);
  const small = createEngine(corpus, { countryAliases: false });
  const withoutForms = createEngine(corpus, { countryAliases: false, answer: { irregularForms: false } });

  it.each([
    ['What did Iran sell?', 'sales'],
    ['When did Vladimir Putin meet Kim Jong-un?', 'summit'],
  ])('answers "%s" from the passage that writes the irregular form', (question, title) => {
    expect(firstTitle(small.ask(question))).toBe(title);
  });

  it.each([['What did Iran sell?'], ['When did Vladimir Putin meet Kim Jong-un?']])('declines "%s" without irregular forms', (question) => {
    expect(firstTitle(withoutForms.ask(question))).toBe('no-match');
  });
});
