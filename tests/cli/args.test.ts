import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';
import { answerToJson } from '../../src/cli/answer-json.ts';
import type { Answer } from '../../src/search/types.ts';
import { thrownBy } from '../fixtures/thrown.ts';

describe('parseArgs', () => {
  it.each([
    ['a question of several words', ['who', 'is', 'Watling'], { positional: ['who', 'is', 'Watling'], json: false, top: 3, help: false }],
    ['--json and --top N', ['--json', '--top', '5', 'q'], { positional: ['q'], json: true, top: 5 }],
    ['--flag=value', ['--top=2', '--corpus=docs'], { top: 2, corpusDir: 'docs' }],
    ['-- before words that look like flags', ['--', '--json', 'q'], { positional: ['--json', 'q'], json: false }],
    ['a lone dash', ['-'], { positional: ['-'] }],
    ['--help', ['--help'], { help: true }],
  ])('reads %s', (_case, argv, expected) => {
    expect(parseArgs(argv)).toMatchObject(expected);
  });

  it.each([
    ['an unknown flag', ['--verbose'], /unknown option --verbose/],
    ['--top without a value', ['--top'], /--top needs a value/],
    ['--top 0', ['--top', '0'], /--top must be a whole number from 1 to 25, got "0"/],
    ['--top 26', ['--top', '26'], /got "26"/],
    ['--top that is not a number', ['--top', 'many'], /got "many"/],
    ['--corpus with an empty value', ['--corpus='], /--corpus needs a value/],
  ])('rejects %s with a usage error naming it', (_case, argv, message) => {
    const error = thrownBy(() => parseArgs(argv));
    expect(error.code).toBe('USAGE');
    expect(error.message).toMatch(message);
  });
});

describe('answerToJson', () => {
  it('gives an abstention as answered:false with the message and no results', () => {
    const answer: Answer = { kind: 'no-match', question: 'cookies?', reason: 'off-topic', message: 'Not in the documents.' };
    expect(answerToJson(answer)).toEqual({ question: 'cookies?', answered: false, message: 'Not in the documents.', results: [] });
  });

  it('gives each excerpt as plain text with its citation and score, and a source only when known', () => {
    const answer: Answer = {
      kind: 'answered',
      question: 'Who?',
      total: 1,
      confidence: 1,
      excerpts: [
        {
          text: 'Jack Watling, a senior research fellow',
          citation: { passageId: 'doc#10', docId: 'doc', title: 'Arms', section: '', source: 'The Guardian' },
          score: 0.9,
          start: 0,
          end: 38,
          highlights: [{ start: 0, end: 4 }],
          matchedTerms: ['jack'],
        },
      ],
    };
    expect(answerToJson(answer)).toEqual({
      question: 'Who?',
      answered: true,
      results: [
        { excerpt: 'Jack Watling, a senior research fellow', passageId: 'doc#10', docId: 'doc', title: 'Arms', section: '', score: 0.9, source: 'The Guardian', matchedTerms: ['jack'] },
      ],
    });
  });
});
