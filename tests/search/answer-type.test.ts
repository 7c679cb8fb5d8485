import { describe, expect, it } from 'vitest';
import { expectedAnswerType, HOW_NUMBER_WORDS, HOW_TIME_WORDS, withoutAnswerTypeNouns } from '../../src/search/answer-type.ts';
import { analyzeQuestion } from '../../src/search/query.ts';

describe('the kind of answer a question asks for', () => {
  it.each([
    ['How many Shahed drones has Iran delivered?', 'number'],
    ['how tall is the Alabuga plant', 'number'],
    ['How frequently do the launches happen?', 'number'],
    ['how long is the range', 'number'],
    ['How often do they meet?', 'number'],
    ['how late did the shells arrive', 'time'],
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

  it.each([...HOW_NUMBER_WORDS.map((word) => [word, 'number']), ...HOW_TIME_WORDS.map((word) => [word, 'time'])])(
    '"how %s" asks for a %s, and the measure word is left out of what the question asks about',
    (word, kind) => {
      const question = `How ${word} is the Alabuga drone plant?`;
      expect(expectedAnswerType(question)).toBe(kind);
      expect(analyzeQuestion(question, []).map((concept) => concept.label)).toEqual(['Alabuga', 'drone', 'plant']);
    },
  );
});

describe('the noun that names the kind of answer', () => {
  it.each([
    ['In what year was Kim Jong-un born?', 'In what      was Kim Jong-un born?'],
    ['Which day did the drills start?', 'Which     did the drills start?'],
    ['What share of chips come from China?', 'What       of chips come from China?'],
    ["Which day's attack hit Kyiv?", 'Which       attack hit Kyiv?'],
    ['WHAT YEAR DID IT START', 'WHAT      DID IT START'],
  ])('is left out of "%s", offsets kept', (question, searched) => {
    expect(withoutAnswerTypeNouns(question)).toBe(searched);
    expect(expectedAnswerType(question)).toBeDefined();
  });

  it.each([['Which share did Russia sell?'], ['How many years did the war last?'], ['What does the year 2024 mean?'], ['What year-end figures did Iran give?']])('stays in "%s", where it names no kind of answer', (question) => {
    expect(withoutAnswerTypeNouns(question)).toBe(question);
  });
});
