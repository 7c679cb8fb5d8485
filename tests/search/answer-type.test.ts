import { describe, expect, it } from 'vitest';
import { expectedAnswerType } from '../../src/search/answer-type.ts';
import { analyzeQuestion } from '../../src/search/query.ts';

describe('the kind of answer a question asks for', () => {
  it.each([
    ['How many Shahed drones has Iran delivered?', 'number'],
    ['how tall is the Alabuga plant', 'number'],
    ['How frequently do the launches happen?', 'number'],
    ['What percentage of chips come from China?', 'number'],
    ['When was the pact signed?', 'time'],
    ['how soon could the factory open', 'time'],
    ['In which year did deliveries start?', 'time'],
    ['Who is Jack Watling?', 'person'],
    ['Where is Alabuga?', 'place'],
    ['How about the drones?', undefined],
  ])('"%s" asks for %s', (question, kind) => {
    expect(expectedAnswerType(question)).toBe(kind);
  });

  it('leaves the measure word of a "how ..." question out of what it asks about', () => {
    for (const question of ['How long is the range?', 'how soon is the launch', 'How heavy is the warhead?']) {
      expect(analyzeQuestion(question, []).map((concept) => concept.label)).not.toContain(question.split(' ')[1]);
    }
  });
});
