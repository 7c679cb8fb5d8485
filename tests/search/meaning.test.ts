import { describe, expect, it } from 'vitest';
import { createEngine, engineFromIndex, type Answer } from '../../src/search/index.ts';
import type { Corpus } from '../../src/corpus/index.ts';
import { evalQuestions, firstTitle, openBundledEngine, smallCorpus } from '../fixtures/bundled.ts';
import { USED_UP, type Paraphrase } from '../fixtures/paraphrases.ts';
import { meaningOf } from '../../src/search/meaning.ts';
import { MEANING_DEPTH } from '../../src/search/answer.ts';
import { packagedWordVectors } from '../../src/search/word-vectors.ts';

describe('ranking by meaning', () => {
  // Each pair of passages matches the question's words alike; only one says what it asks, in other words.
  const funding: Paraphrase = {
    corpus: smallCorpus([
      ['subsidy.txt', 'Tehran subsidizes the drone programme.'],
      ['start.txt', 'The drone programme grew.'],
    ]),
    question: 'Who bankrolls the drone programme?',
    meant: 'subsidy',
    other: 'start',
  };
  // WordNet's synonyms are left out, to show what the word vectors alone do.
  const ask = (corpus: Corpus, question: string, vectors: boolean) =>
    createEngine(corpus, { countryAliases: false, answer: { synonyms: false, ...(vectors ? {} : { wordVectors: false }) } }).ask(question);

  it.each([
    ['used up', USED_UP],
    ['bankrolls', funding],
  ] as const)('ranks first the passage that says "%s" in other words, and not without vectors', (_words, { corpus, question, meant, other }) => {
    expect(firstTitle(ask(corpus, question, true))).toBe(meant);
    expect(firstTitle(ask(corpus, question, false))).toBe(other);
  });

  it('counts a question word without a vector (a year, a model name) only where the text writes it', () => {
    const vectors = packagedWordVectors()!;
    expect([vectors.rowOf('2023'), vectors.rowOf('kn-23')]).toEqual([undefined, undefined]);
    const { index } = createEngine(
      smallCorpus([
        ['asked.txt', 'Drone output in 2023 and KN-23 launches.'],
        ['other.txt', 'Drone output in 2022 and KN-24 launches.'],
        ['none.txt', 'Drone output and launches.'],
      ]),
    );
    const meaning = meaningOf(index, 'Drone output in 2023, KN-23 launches', vectors)!;
    const [asked, other, none] = ['asked', 'other', 'none'].map((name) => {
      const position = index.passages.findIndex((p) => p.docId.includes(name));
      return meaning(position, 0, index.passages[position]!.text.length);
    });
    expect(asked).toBeGreaterThan(0.99);
    expect(other).toBeLessThan(asked!);
    expect(other).toBeCloseTo(none!, 5);
  });

  describe('on the bundled corpus', () => {
    const { corpus, engine } = openBundledEngine();
    const without = engineFromIndex(engine.index, { answer: { wordVectors: false } });
    const heavier = engineFromIndex(engine.index, { answer: { meaningWeight: 5 } });
    const questions = evalQuestions().map((q) => q.q);
    const key = (answer: Answer): string[] => (answer.kind === 'answered' ? answer.excerpts : []).map((e) => `${e.citation.passageId}:${e.start}`);
    const firstChanged = (engineA: typeof engine, engineB: typeof engine): number => questions.filter((q) => key(engineA.ask(q))[0] !== key(engineB.ask(q))[0]).length;

    it('keeps the scores in order and quotes the same excerpts, only reordered among the first ten', () => {
      for (const question of questions) {
        const [a, b] = [engine.ask(question, { limit: 2 * MEANING_DEPTH }), without.ask(question, { limit: 2 * MEANING_DEPTH })];
        expect(a.kind).toBe(b.kind);
        if (a.kind !== 'answered' || b.kind !== 'answered') continue;
        expect(a.total).toBe(b.total);
        const scores = a.excerpts.map((e) => e.score);
        expect(scores).toEqual([...scores].sort((x, y) => y - x));
        expect(key(a).slice(0, MEANING_DEPTH).sort()).toEqual(key(b).slice(0, MEANING_DEPTH).sort());
        expect(key(a).slice(MEANING_DEPTH)).toEqual(key(b).slice(MEANING_DEPTH));
      }
    });

    it('changes the first excerpt of some real questions, and of more the more it weighs', () => {
      const changed = firstChanged(engine, without);
      expect(changed).toBeGreaterThan(0);
      expect(firstChanged(heavier, without)).toBeGreaterThan(changed);
    });

    it('reads no passage text beyond what ranking by words reads: the index counts the written words as it is built', () => {
      /** The ids of the passages whose text the first question reads. */
      const readByFirstQuestion = (vectors: boolean): Set<string> => {
        const fresh = createEngine(corpus, vectors ? {} : { answer: { wordVectors: false } });
        const read = new Set<string>();
        for (const passage of fresh.index.passages) {
          const text = passage.text;
          Object.defineProperty(passage, 'text', { get: () => (read.add(passage.id), text) });
        }
        fresh.ask('Who bankrolls the drone programme?');
        return read;
      };
      const withVectors = readByFirstQuestion(true);
      expect(withVectors.size).toBeLessThan(engine.index.passages.length / 2);
      expect(withVectors).toEqual(readByFirstQuestion(false));
      expect(engine.index.vocabulary.writtenFrequency('drones')).toBeGreaterThan(engine.index.vocabulary.writtenFrequency('drone'));
      expect(engine.index.vocabulary.writtenFrequency('bankrolls')).toBe(0);
    });

    it('keeps the first excerpts of a question when a year no passage writes is added to it', () => {
      expect(engine.index.vocabulary.writtenFrequency('2031')).toBe(0);
      const firstThree = (question: string): string[] => key(engine.ask(question)).slice(0, 3);
      const answered = questions.filter((q) => engine.ask(q).kind === 'answered');
      expect(answered.length).toBeGreaterThan(questions.length / 2);
      for (const question of answered) expect(firstThree(question.replace(/\?*$/, ' in 2031?'))).toEqual(firstThree(question));
    });

    it('changes nothing with no weight', () => {
      const weightless = engineFromIndex(engine.index, { answer: { meaningWeight: 0 } });
      for (const question of questions) expect(weightless.ask(question)).toEqual(without.ask(question));
    });
  });
});
