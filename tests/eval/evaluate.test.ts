import { describe, expect, it } from 'vitest';
import { evaluate, parseEvalFile, type EvalQuestion } from '../../src/eval/evaluate.ts';
import type { Answer } from '../../src/search/types.ts';
import { answered, excerpt } from '../render/fixtures.ts';

/** An engine that answers each question with excerpts of the given texts, or declines when there are none. */
function answering(replies: Record<string, string[]>): (question: string) => Answer {
  return (question) => {
    const texts = replies[question] ?? [];
    if (texts.length === 0) return { kind: 'no-match', question, reason: 'off-topic', message: 'not found' };
    return answered(texts.map((text) => excerpt({ text })), texts.length, question);
  };
}

const questions: EvalQuestion[] = [
  { id: 'a', q: 'Who makes the drones?', answers: ['Alabuga'], tags: ['plain'] },
  { id: 'b', q: 'where are they built', answers: ['Tatarstan'], tags: ['paraphrase'] },
  { id: 'c', q: 'what do they cost', answers: ['cheap'], tags: ['paraphrase'] },
  { id: 'd', q: 'How tall is the Eiffel Tower?', answers: [], tags: ['unrelated'] },
  { id: 'e', q: 'When was Kim Jong-un born?', answers: [], tags: ['names-subject'] },
];

const report = evaluate(
  questions,
  answering({
    'Who makes the drones?': ['The \u201cAlabuga\u201d   plant makes them.'],
    'where are they built': ['Drones fly far.', 'They are built in Tatarstan.'],
    'When was Kim Jong-un born?': ['Kim Jong-un met Putin.'],
  }),
);

describe('evaluate', () => {
  it('scores hits at 1 and 3 and the reciprocal rank, ignoring case, quotes and spacing', () => {
    expect(report).toMatchObject({ questions: 5, onTopic: 3, offTopic: 2, hitAt1: 0.333, hitAt3: 0.667, mrr: 0.5 });
  });

  it('counts declined off-topic questions and declined on-topic ones apart', () => {
    expect(report.abstained).toBe(1);
    expect(report.falseAbstentions).toBe(1);
    expect(report.misses.map((miss) => [miss.id, miss.kind])).toEqual([
      ['b', 'wrong'],
      ['c', 'false-abstention'],
      ['e', 'answered-off-topic'],
    ]);
  });

  it('breaks the scores down by tag', () => {
    expect(Object.keys(report.byTag)).toEqual(['names-subject', 'paraphrase', 'plain', 'unrelated']);
    expect(report.byTag['paraphrase']).toMatchObject({ onTopic: 2, hitAt1: 0, hitAt3: 0.5, falseAbstentions: 1, offTopic: 0 });
    expect(report.byTag['unrelated']).toMatchObject({ onTopic: 0, offTopic: 1, abstained: 1 });
    expect(report.byTag['names-subject']).toMatchObject({ offTopic: 1, abstained: 0 });
  });

  it('has no breakdown when no question is tagged', () => {
    const untagged = evaluate([{ id: 'a', q: 'Who makes the drones?', answers: ['Alabuga'] }], answering({}));
    expect(untagged.byTag).toEqual({});
  });
});

describe('parseEvalFile', () => {
  it('reads tags, and names the line of a bad one', () => {
    const { questions: parsed, errors } = parseEvalFile(
      ['{"id":"a","q":"Who?","answers":["x"],"tags":["plain"]}', '{"id":"b","q":"What?","answers":[],"tags":"unrelated"}', '{"q":"Where?","answers":[]}'].join('\n'),
    );
    expect(parsed).toEqual([
      { id: 'a', q: 'Who?', answers: ['x'], tags: ['plain'] },
      { id: 'line3', q: 'Where?', answers: [] },
    ]);
    expect(errors).toEqual(['line 2: "tags" must be an array of strings']);
  });
});
