import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, type AnswerOptions, type EngineOptions } from '../../src/search/index.ts';
import { analyzeQuestion, compileAliases, withPhrasalVerbs, withSynonyms } from '../../src/search/query.ts';
import { packagedAdverbsOnly, packagedWordNet, wordNetAdverbsOnly, wordNetSynonyms } from '../../src/search/synonyms.ts';
import { excerptsOf, firstTitle, smallCorpus } from '../fixtures/bundled.ts';
import { USED_UP } from '../fixtures/paraphrases.ts';
import { tempDir } from '../fixtures/temp-copy.ts';

describe('WordNet synonyms', () => {
  const synonyms = packagedWordNet()!;

  it('finds the synonyms of a word from its base form', () => {
    expect(synonyms('earned')).toContain('gain');
    expect(synonyms('makers')).toContain('manufacturer');
    expect(synonyms('Bigger')).toContain('larger');
  });

  it('has none for a word WordNet does not know, or for something that is not a word', () => {
    expect(synonyms('Alabuga')).toEqual([]);
    expect(synonyms('3,700')).toEqual([]);
    expect(synonyms('')).toEqual([]);
  });

  it('finds nothing, without throwing, when the database files are missing', () => {
    expect(wordNetSynonyms(tempDir('no-wordnet-'))('earn')).toEqual([]);
  });

  it('reads a database in WordNet\'s format: sorted index lines and meanings at their byte offsets', () => {
    const dir = tempDir('wordnet-');
    const meaning = '00000000 00 v 02 haul 0 tow 0 000 | pull along';
    writeFileSync(join(dir, 'data.verb'), `${meaning}\n`);
    writeFileSync(join(dir, 'index.verb'), '  1 a licence line\ndrag v 1 0 1 0 99999999\nhaul v 1 0 1 0 00000000\ntow v 1 0 1 0 00000000\n');
    expect(wordNetSynonyms(dir)('hauling')).toEqual(['tow']);
  });

  it('finds the synonyms of a phrasal verb from its first word\'s base form', () => {
    expect(synonyms('used up')).toEqual(expect.arrayContaining(['deplete', 'exhaust']));
    expect(synonyms('steps in')).toContain('intervene');
    expect(synonyms('used up the')).toEqual([]);
  });

  it('finds the words of a word\'s family only when asked for them', () => {
    expect(synonyms('invade')).not.toContain('invasion');
    expect(synonyms('invade', { family: true })).toEqual(expect.arrayContaining(['invasion', 'occupy']));
    expect(synonyms('pay', { family: true })).toContain('payment');
  });

  it('finds the words of a broader or narrower meaning only when asked for them, and no named instance', () => {
    expect(synonyms('factory')).not.toContain('plant');
    expect(synonyms('factory', { kin: true })).toEqual(expect.arrayContaining(['plant', 'works']));
    expect(synonyms('restrain', { kin: true })).toEqual(expect.arrayContaining(['restrict', 'curb']));
    expect(synonyms('country')).not.toContain('superpower');
    expect(synonyms('country', { kin: true })).toContain('superpower');
    expect(synonyms('country', { kin: true })).not.toContain('russia');
  });

  it('reads broader and narrower meanings from their pointers, not from an instance\'s', () => {
    const dir = tempDir('wordnet-');
    // "tug" is a kind of boat ("@"); "boat" has "tug" and "dinghy" as kinds ("~") and an instance, "Bounty" ("~i").
    // Each line is padded to 100 bytes, so the meanings sit at offsets 0, 100, 200 and 300.
    const boat = '00000000 06 n 01 boat 0 003 ~ 00000100 n 0000 ~ 00000200 n 0000 ~i 00000300 n 0000 | a small vessel';
    const tug = '00000100 06 n 01 tug 0 001 @ 00000000 n 0000 | a boat';
    const dinghy = '00000200 06 n 01 dinghy 0 001 @ 00000000 n 0000 | a small boat';
    const bounty = '00000300 06 n 01 Bounty 0 001 @i 00000000 n 0000 | a ship';
    writeFileSync(join(dir, 'data.noun'), [boat, tug, dinghy, bounty].map((line) => `${line.padEnd(99)}\n`).join(''));
    writeFileSync(join(dir, 'index.noun'), 'boat n 1 1 ~ 1 0 00000000\ntug n 1 1 @ 1 0 00000100\n');
    const source = wordNetSynonyms(dir);
    expect(source('boat', { kin: true })).toEqual(['tug', 'dinghy']);
    expect(source('tug', { kin: true })).toEqual(['boat']);
    expect(source('tug')).toEqual([]);
    expect(source('tug', { family: true, kin: true })).toEqual(['boat']);
  });

  it('reads a family link from the word it starts at to the word it ends at', () => {
    const dir = tempDir('wordnet-');
    // The verb meaning "haul tow" links its second word (tow) to the first word of the noun meaning (towage).
    const verb = '00000000 00 v 02 haul 0 tow 0 001 + 00000000 n 0201 | pull along';
    const noun = '00000000 00 n 02 towage 0 haulage 0 000 | the act of hauling';
    writeFileSync(join(dir, 'data.verb'), `${verb}\n`);
    writeFileSync(join(dir, 'data.noun'), `${noun}\n`);
    writeFileSync(join(dir, 'index.verb'), 'haul v 1 0 1 0 00000000\ntow v 1 0 1 0 00000000\n');
    const source = wordNetSynonyms(dir);
    expect(source('tow', { family: true })).toEqual(['haul', 'towage']);
    expect(source('haul', { family: true })).toEqual(['tow']);
  });
});

describe('WordNet adverbs', () => {
  const isAdverbOnly = packagedAdverbsOnly()!;

  it('knows the words that are only adverbs', () => {
    expect(['exactly', 'Actually', 'currently'].filter(isAdverbOnly)).toEqual(['exactly', 'Actually', 'currently']);
  });

  it('leaves alone words that are also nouns, verbs or adjectives, in any form, and what is not a word', () => {
    expect(['fast', 'born', 'early', 'drones', 'Alabuga', '3,700', ''].filter(isAdverbOnly)).toEqual([]);
  });

  it('knows none, without throwing, when the database files are missing', () => {
    expect(wordNetAdverbsOnly(tempDir('no-wordnet-'))('exactly')).toBe(false);
  });
});

describe('synonyms in questions', () => {
  // Word vectors find some of these passages too: they are left out to show what the synonyms alone do.
  const withoutVectors = (answer: AnswerOptions = {}): EngineOptions => ({ countryAliases: false, answer: { ...answer, wordVectors: false } });

  const known = new Set(['gain', 'north', 'korea', 'currenc']);
  const isKnown = (term: string) => known.has(term);

  it('adds to a word the corpus never writes the synonyms it does write', () => {
    const [earn] = withSynonyms(analyzeQuestion('earn', []), () => ['gain', 'profit'], isKnown);
    expect(earn!.alternatives).toEqual([
      { terms: ['earn'], kind: 'own' },
      { terms: ['gain'], kind: 'guess' },
    ]);
  });

  it('adds to a word the corpus writes its synonyms, family and kin as related words, not guesses', () => {
    const source = (_word: string, { family = false, kin = false } = {}) => (family && kin ? ['currency', 'profit'] : []);
    const [gain] = withSynonyms(analyzeQuestion('gain', []), source, isKnown);
    expect(gain!.alternatives).toEqual([
      { terms: ['gain'], kind: 'own' },
      { terms: ['currenc'], kind: 'related' },
    ]);
  });

  it('leaves alone the words of a phrase and the synonyms the corpus never writes, and asks no family or kin for a guess', () => {
    const concepts = analyzeQuestion('North Korea earn', compileAliases([['North Korea', 'DPRK']]));
    const source = (_word: string, { family = false, kin = false } = {}) => (family || kin ? ['currency', 'gain'] : ['currency', 'profit']);
    expect(withSynonyms(concepts, source, isKnown)).toEqual([concepts[0], { ...concepts[1], alternatives: [...concepts[1]!.alternatives, { terms: ['currenc'], kind: 'guess' }] }]);
  });

  const corpus = smallCorpus([
    ['trade.txt', 'North Korea gains hard currency from the trade in shells.'],
    ['rail.txt', 'North Korea sends the shells by rail, week after week.'],
  ]);

  it('opens the synonym source when the engine warms up, before any question', () => {
    const asked: string[] = [];
    const engine = createEngine(corpus, withoutVectors({ synonyms: (word) => (asked.push(word), []) }));
    engine.warmUp();
    expect(asked).toHaveLength(1);
  });

  // Both first passages write "Russia" and "drones"; only one says how Russia got them, in other words.
  // The corpus writes "buy" too, in the third, so "buy" is a word it knows.
  const bought = smallCorpus([
    ['purchase.txt', 'Russia purchased the finished Shahed drones from Iran in 2022, before its own plant opened.'],
    ['make.txt', 'Russia makes drones.'],
    ['grain.txt', 'Traders buy grain in Odessa every autumn.'],
  ]);
  const question = 'Which drones did Russia buy?';

  it('does not highlight the related word: it may be of another sense', () => {
    const [top] = excerptsOf(createEngine(bought, withoutVectors()).ask(question));
    expect(top!.highlights.map(({ start, end }) => top!.text.slice(start, end))).toEqual(['Russia', 'drones']);
  });

  // Both passages write "Russia" and "drones"; one names the place they are made by a broader word, "plant".
  // The corpus writes "factory" too, in the third, so "factory" is a word it knows.
  const plant = smallCorpus([
    ['plant.txt', 'Russia builds its drones at a plant in Tatarstan.'],
    ['launch.txt', 'Russia launches its drones from Crimea.'],
    ['shoes.txt', 'A shoe factory closed in Kazan.'],
  ]);

  it.each([
    // "earn" is a word the corpus never writes: "gains" is a guess at it.
    ['earn', 'gains', { corpus, question: 'What does North Korea earn from its shells?', meant: 'trade', other: 'rail' }],
    // "buy" is a word the corpus writes elsewhere: "purchased" is a related word.
    ['buy', 'purchased', { corpus: bought, question, meant: 'purchase', other: 'make' }],
    // "plant" is of a broader meaning than "factory".
    ['factory', 'plant', { corpus: plant, question: "Which factory makes Russia's drones?", meant: 'plant', other: 'launch' }],
    ['used up', 'depleted', USED_UP],
  ] as const)('answers "%s" from the passage that says "%s", and another passage first without synonyms', (_asked, _written, { corpus: words, question: asked, meant, other }) => {
    expect(firstTitle(createEngine(words, withoutVectors()).ask(asked))).toBe(meant);
    expect(firstTitle(createEngine(words, withoutVectors({ synonyms: false })).ask(asked))).toBe(other);
  });

  describe('phrasal verbs', () => {
    const known = new Set(['restrain', 'held', 'china', 'deplet', 'use', 'shell']);
    const isKnown = (term: string) => known.has(term);
    const source = (phrase: string) => ({ 'hold back': ['restrain', 'check'], 'use up': ['deplete'], 'fritter away': ['deplete'] })[phrase] ?? [];
    const forms = { baseWordsOf: (word: string) => (word === 'held' ? ['hold'] : []), formsOf: () => [] };
    const phrasal = (question: string) => withPhrasalVerbs(analyzeQuestion(question, []), source, forms, isKnown);

    it('adds the synonyms of a phrasal verb to its first word, by the base word of an irregular form too', () => {
      expect(phrasal('Who held back China?')[0]!.alternatives).toEqual([
        { terms: ['held'], kind: 'own' },
        { terms: ['restrain'], kind: 'related' },
      ]);
    });

    it('adds them as guesses to a word the corpus never writes, which stays unknown', () => {
      expect(phrasal('Who frittered away China?')[0]!.alternatives).toEqual([{ terms: ['fritter'], kind: 'own' }]);
      expect(phrasal('Who fritter away China?')[0]!.alternatives).toEqual([
        { terms: ['fritter'], kind: 'own' },
        { terms: ['deplet'], kind: 'guess' },
      ]);
    });

    it('reads no phrasal verb across a word, a comma or an idiom', () => {
      for (const question of ['use shells up', 'use, up to now', 'Which shells do they use on the whole?']) {
        expect(phrasal(question)).toEqual(analyzeQuestion(question, []));
      }
    });

    it('finds the verb by its term when the question wrote it twice', () => {
      expect(phrasal('Use shells: which do they use up?')[0]!.alternatives).toContainEqual({ terms: ['deplet'], kind: 'related' });
    });
  });
});
