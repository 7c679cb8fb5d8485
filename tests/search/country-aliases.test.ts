import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/index.ts';
import { countryAliasGroups, mergeAliasGroups } from '../../src/search/country-aliases.ts';
import { firstTitle as top, smallCorpus } from '../fixtures/bundled.ts';

const groupWith = (phrase: string) => countryAliasGroups().find((group) => group.includes(phrase));

describe('country aliases', () => {
  it('groups each country with its capital and demonym', () => {
    expect(groupWith('Seoul')).toEqual(expect.arrayContaining(['South Korea', 'South Korean']));
    expect(groupWith('Yemeni')).toEqual(expect.arrayContaining(['Yemen']));
  });

  it('gives a demonym that several places claim to the one independent state, or to none', () => {
    expect(groupWith('Indian')).toContain('India');
    expect(groupWith('American')).toContain('United States');
    expect(groupWith('Congolese')).toBeUndefined();
  });

  it("adds a country's phrases to the corpus's own group for it, which stays first", () => {
    const merged = mergeAliasGroups([['North Korea', 'DPRK'], ['drone', 'UAV']], [['North Korea', 'Pyongyang', 'North Korean'], ['Chile', 'Santiago']]);
    expect(merged).toEqual([['North Korea', 'DPRK', 'Pyongyang', 'North Korean'], ['drone', 'UAV'], ['Chile', 'Santiago']]);
  });

  const corpus = smallCorpus([
    ['ferry.txt', 'South Korea says the ferry sank because its cargo was badly loaded.'],
    ['inquiry.txt', 'The inspectors believe the ferry sank in a storm.'],
  ]);

  it('finds a passage that names the country for a question that names its capital, with no alias file', () => {
    const question = 'Why does Seoul believe the ferry sank?';
    expect(top(createEngine(corpus).ask(question))).toBe('ferry');
    expect(top(createEngine(corpus, { countryAliases: false }).ask(question))).toBe('inquiry');
  });
});
