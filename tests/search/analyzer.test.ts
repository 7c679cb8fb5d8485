import { describe, expect, it } from 'vitest';
import { analyze, stem, termsOf, tokenize } from '../../src/search/analyzer.ts';
import { analyzeQuestion } from '../../src/search/query.ts';

describe('tokenize', () => {
  it.each([
    ['a compound with digits', 'the Shahed-136 drone', ['the', 'Shahed-136', 'drone']],
    ['a thousands separator', 'over 3,700 drones', ['over', '3,700', 'drones']],
    ['a percentage', '90% of imports', ['90%', 'of', 'imports']],
    ['an abbreviation with dots', 'the U.S. said', ['the', 'U.S', 'said']],
    ['a possessive', "Russia's war", ["Russia's", 'war']],
    ['accented letters', 'café über naïve', ['café', 'über', 'naïve']],
    ['Cyrillic and Greek', 'Москва и Ελλάδα', ['Москва', 'и', 'Ελλάδα']],
    ['punctuation and emoji only', '?!?! 🤔🤔 --', []],
    ['a comma between words', 'Iran,Russia', ['Iran', 'Russia']],
  ])('finds the words of %s', (_case, text, words) => {
    expect(tokenize(text).map((t) => t.raw)).toEqual(words);
  });

  it('gives offsets that point at each word in the text', () => {
    const text = '  Iran sent 3,700 Shahed-136 drones.';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.raw);
  });
});

describe('termsOf', () => {
  it.each([
    ['Shahed-136', ['shahed-136'], ['Shahed', '136']],
    ['KN-23', ['kn-23'], ['KN', '23']],
    ['152mm', ['152mm'], ['152', 'mm']],
    ['90%', ['90%'], ['90']],
    ['Geran-2', ['geran-2'], ['Geran', '2']],
  ])('makes %s findable whole and by its parts', (compound, whole, parts) => {
    const terms = termsOf(compound);
    expect(terms).toEqual(expect.arrayContaining(whole));
    for (const part of parts) expect(terms).toEqual(expect.arrayContaining([...termsOf(part)]));
  });

  it.each([['3,700'], ['3700']])('indexes %s as the same number', (written) => {
    expect(termsOf(written)).toEqual(['3700']);
  });

  it('does not make a large number findable by its thousands group alone', () => {
    expect(termsOf('3,700')).not.toContain('700');
  });

  it('finds the plural of a compound as the compound', () => {
    expect(termsOf('Shahed-136s')).toEqual(expect.arrayContaining([...termsOf('Shahed-136')]));
  });

  it.each([['the'], ['what'], ['is'], ['us'], ['which'], ['who'], ['explain']])('drops the stop word "%s"', (word) => {
    expect(termsOf(word)).toEqual([]);
  });

  it.each([
    ['US', 'us', 'US'],
    ['U.S.', 'us', 'US'],
    ['IT', 'it', 'IT'],
  ])('keeps the acronym %s although "%s" is a stop word', (acronym, stopWord, term) => {
    expect(termsOf(acronym)).toEqual([term]);
    expect(termsOf(stopWord)).toEqual([]);
  });

  it.each([
    ['drones', 'drone'],
    ['supplied', 'supplying'],
    ['missiles', 'missile'],
    ['sanctions', 'sanction'],
    ["Russia's", 'Russia'],
    ['Iranian', 'Iranian'],
  ])('gives "%s" and "%s" the same term', (a, b) => {
    expect(termsOf(a)).toEqual(termsOf(b));
  });

  it.each([['café'], ['Müller'], ['Москва'], ['Ελλάδα']])('keeps the Unicode word %s as a term', (word) => {
    expect(termsOf(word)).toEqual([word.toLowerCase()]);
  });

  it('keeps short words unstemmed', () => {
    expect(stem('gas')).toBe('gas');
  });
});

describe('analyze', () => {
  it('keeps the topic words of a question and drops its function words', () => {
    expect(analyze('What is the US buying with drones in Москва?')).toEqual(['US', stem('buying'), 'drone', 'москва']);
  });

  it('drops contractions typed without their apostrophe, as it drops them with one', () => {
    expect(analyze('whats the deal, i dont get it')).toEqual(analyze("what's the deal, I don't get it"));
    expect(analyze('whats the deal, i dont get it')).toEqual(['deal']);
  });

  it('returns nothing for a question of only stop words and punctuation', () => {
    expect(analyze('What is the ... ?! 🤔')).toEqual([]);
  });
});

describe('analyzeQuestion', () => {
  const labels = (question: string) => analyzeQuestion(question, []).map((concept) => concept.label);

  it.each([
    ['How many drones has Iran sent so far?', ['drones', 'Iran', 'sent']],
    ['What is North Korea to China in military terms?', ['North', 'Korea', 'China', 'military']],
    ['Which weapons, such as missiles, did Russia buy at least once?', ['weapons', 'missiles', 'Russia', 'buy']],
    ['How long has the plant been running, and how far can its drones fly?', ['plant', 'running', 'drones', 'fly']],
  ])('leaves out idioms that say nothing about the topic: "%s"', (question, expected) => {
    expect(labels(question)).toEqual(expected);
  });

  it('keeps the same words where they are not part of an idiom', () => {
    expect(labels('Can the missiles fly far, for how many years, and on what terms were they sold?')).toEqual(['missiles', 'fly', 'far', 'years', 'terms', 'sold']);
  });
});
