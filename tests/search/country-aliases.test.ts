import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/corpus/index.ts';
import { createEngine, type Answer } from '../../src/search/index.ts';
import { countryAliasGroups, mergeAliasGroups } from '../../src/search/country-aliases.ts';
import { SMALL_LEXICON } from '../fixtures/bundled.ts';

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

  const documents = buildDocuments(
    [
      { file: 'ferry.txt', raw: 'South Korea says the ferry sank because its cargo was badly loaded.', meta: { title: 'Ferry' } },
      { file: 'inquiry.txt', raw: 'The inspectors believe the ferry sank in a storm.', meta: { title: 'Inquiry' } },
    ],
    SMALL_LEXICON,
  );
  const corpus = { dir: 'test', documents, aliases: [], warnings: [] };
  const top = (answer: Answer) => (answer.kind === 'answered' ? answer.excerpts[0]!.citation.title : '(no answer)');

  it('finds a passage that names the country for a question that names its capital, with no alias file', () => {
    const question = 'Why does Seoul believe the ferry sank?';
    expect(top(createEngine(corpus).ask(question))).toBe('Ferry');
    expect(top(createEngine(corpus, { countryAliases: false }).ask(question))).toBe('Inquiry');
  });
});
