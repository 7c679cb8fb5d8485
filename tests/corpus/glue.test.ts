import { describe, expect, it } from 'vitest';
import { buildVocabulary, repairGluedWords, showsCaseGlue } from '../../src/corpus/glue.ts';
import { SMALL_LEXICON } from '../fixtures/bundled.ts';

/** The corpus around the glued words: names it repeats count as real words. */
const VOCABULARY = buildVocabulary([
  'Workers assemble drones at the Alabuga Special Economic Zone in Tatarstan.',
  'The Alabuga plant in Tatarstan makes the Geran-2. Western sanctions; Western high-tech components.',
]);

const repair = (line: string): string => repairGluedWords(line, SMALL_LEXICON, VOCABULARY);

describe('repairGluedWords', () => {
  it.each([
    ['a lowercase word glued to a name', 'Here, theAlabuga Special Economic Zone', 'Here, the Alabuga Special Economic Zone'],
    ['a name glued to the next lowercase word', 'Economic Zonehas transformed', 'Economic Zone has transformed'],
    ['two lowercase words', 'standardization and interoperabilityacross the', 'standardization and interoperability across the'],
    ['three lowercase words', 'However, thepaymentfor this ammunition', 'However, the payment for this ammunition'],
    ['a word, a name and a compound', 'Russia neededWesternhigh-tech components', 'Russia needed Western high-tech components'],
  ])('separates %s', (_case, line, expected) => {
    expect(repair(line)).toBe(expected);
  });

  it.each([
    ['a word that reads as three shorter ones', 'together'],
    ['a word that reads as two shorter ones', 'another'],
    ['a brand in camel case', 'PlayStation'],
    ['a brand starting with a lowercase letter', 'iPhone'],
    ['a Scottish name', 'McDonald'],
    ['an operating system name', 'macOS'],
    ['a name the corpus repeats', 'Tatarstan'],
    ['a short run', 'Zoned'],
    ['an acronym', 'NATO'],
  ])('leaves %s alone', (_case, word) => {
    expect(repairGluedWords(`the ${word} case`, new Set([...SMALL_LEXICON, 'tatar', 'stan']), VOCABULARY)).toBe(`the ${word} case`);
  });

  it('leaves a lowercase run alone when the corpus repeats it, even if it reads as two words', () => {
    const vocabulary = buildVocabulary(['the plantmodel here', 'another plantmodel there']);
    expect(repairGluedWords('a plantmodel', SMALL_LEXICON, vocabulary)).toBe('a plantmodel');
  });

  it('splits a capitalised run only into words the corpus itself uses', () => {
    const lexicon = new Set([...SMALL_LEXICON, 'west', 'minster']);
    expect(repairGluedWords('in Westminster today', lexicon, buildVocabulary(['in Westminster today']))).toBe('in Westminster today');
  });

  // Known defect: "European" is not in the lexicon and occurs once, but "Europe" is a corpus word and
  // "an" a stop word, so the bundled corpus reads "the Europe an Union" (passage 001-da6798635b4f93b8#3).
  it('leaves a proper adjective alone when its stem is a corpus word ("European" is not "Europe an")', () => {
    const vocabulary = buildVocabulary(['Europe is watching. Europe again. The European Union disclosed evidence.']);
    expect(repairGluedWords('the European Union disclosed', SMALL_LEXICON, vocabulary)).toBe('the European Union disclosed');
  });
});

describe('repairGluedWords without dictionary splits', () => {
  it('leaves a place name whole', () => {
    const line = 'in Montenegro today';
    const vocabulary = buildVocabulary([line, 'Monte negro', 'Monte negro']);
    expect(repairGluedWords(line, new Set([...SMALL_LEXICON, 'monte', 'negro']), vocabulary, { dictionarySplits: false })).toBe(line);
  });

  it('still separates words glued across a case change', () => {
    expect(repairGluedWords('Here, theAlabuga Special Economic Zone', SMALL_LEXICON, VOCABULARY, { dictionarySplits: false })).toBe(
      'Here, the Alabuga Special Economic Zone',
    );
  });
});

describe('showsCaseGlue', () => {
  it('is true for text with a word glued across a case change, false for clean text', () => {
    expect(showsCaseGlue(['Clean text.', 'Here, theAlabuga plant.'], SMALL_LEXICON, VOCABULARY)).toBe(true);
    expect(showsCaseGlue(['Clean text about the proplastids and iPhone sales.'], SMALL_LEXICON, VOCABULARY)).toBe(false);
  });
});

describe('buildVocabulary', () => {
  it('counts words without case and keeps possessives whole', () => {
    const vocabulary = buildVocabulary(['Russia and russia', "Russia's war"]);
    expect(vocabulary.get('russia')).toBe(2);
    expect(vocabulary.get("russia's")).toBe(1);
  });
});
