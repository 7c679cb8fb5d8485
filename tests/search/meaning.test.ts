import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine, engineFromIndex, type Answer } from '../../src/search/index.ts';
import { parseEvalFile } from '../../src/eval/evaluate.ts';
import { excerptsOf, firstTitle, openBundledEngine, PROJECT_ROOT, smallCorpus } from '../fixtures/bundled.ts';

describe('ranking by meaning', () => {
  // Each pair of passages matches the question's words alike; only one says what it asks, in other words.
  const stocks = smallCorpus([
    ['depleted.txt', 'Russia has depleted its Soviet stocks of shells after two years of war.'],
    ['grain.txt', 'Russia keeps stocks of grain.'],
    ['steel.txt', 'Factories used the steel.'],
  ]);
  const funding = smallCorpus([
    ['subsidy.txt', 'Tehran subsidizes the drone programme.'],
    ['start.txt', 'The drone programme grew.'],
  ]);
  // WordNet's synonyms are left out, to show what the word vectors alone do.
  const ask = (corpus: typeof stocks, question: string, vectors: boolean) =>
    createEngine(corpus, { countryAliases: false, answer: { synonyms: false, ...(vectors ? {} : { wordVectors: false }) } }).ask(question);

  it.each([
    ['used up', stocks, 'Which stocks has Russia used up?', 'depleted', 'grain'],
    ['bankrolls', funding, 'Who bankrolls the drone programme?', 'subsidy', 'start'],
  ] as const)('ranks first the passage that says "%s" in other words, and not without vectors', (_words, corpus, question, meant, other) => {
    expect(firstTitle(ask(corpus, question, true))).toBe(meant);
    expect(firstTitle(ask(corpus, question, false))).toBe(other);
  });

  it('keeps the scores in order and quotes the same excerpts, only reordered among the first ten', () => {
    const { engine } = openBundledEngine();
    const without = engineFromIndex(engine.index, { answer: { wordVectors: false } });
    const questions = parseEvalFile(readFileSync(`${PROJECT_ROOT}eval/questions.jsonl`, 'utf8')).questions.map((q) => q.q);
    const key = (answer: Answer): string[] => excerptsOf(answer).map((e) => `${e.citation.passageId}:${e.start}`);
    let reordered = 0;
    for (const question of questions) {
      const [a, b] = [engine.ask(question, { limit: 25 }), without.ask(question, { limit: 25 })];
      expect(a.kind).toBe(b.kind);
      if (a.kind !== 'answered' || b.kind !== 'answered') continue;
      expect(a.total).toBe(b.total);
      const scores = a.excerpts.map((e) => e.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
      expect(key(a).slice(0, 10).sort()).toEqual(key(b).slice(0, 10).sort());
      expect(key(a).slice(10)).toEqual(key(b).slice(10));
      if (key(a)[0] !== key(b)[0]) reordered++;
    }
    // The re-ranking does something on real questions, and leaves most first answers alone.
    expect(reordered).toBeGreaterThan(0);
    expect(reordered).toBeLessThan(questions.length / 5);
  });
});
