import { describe, expect, it } from 'vitest';
import { splitIntoPassages } from '../../src/corpus/index.ts';
import { isInPart, partReferredTo, type DocumentPart } from '../../src/search/document-part.ts';
import { smallCorpus } from '../fixtures/bundled.ts';

const named = (question: string): string | undefined => {
  const reference = partReferredTo(question);
  return reference && `${reference.part}: ${question.slice(reference.start, reference.end)}`;
};

describe('partReferredTo', () => {
  it.each([
    ['According to the conclusion, what did Moscow hand off?', 'closing: the conclusion'],
    ['what does the intro say about sanctions', 'opening: the intro'],
    ['per the opening, who sold drones?', 'opening: the opening'],
    ['what did russia get back, per the faq', 'questions: faq'],
    ['In the Q&A, what is the Shahed-136?', 'questions: Q&A'],
    ['which areas does their teamwork cover, according to the wrap-up', 'closing: the wrap-up'],
    ['What broader shift does the closing section say the axis represents?', 'closing: the closing section'],
    ['who is named in the first paragraph', 'opening: the first paragraph'],
    ["whats the drone article's closing warning to other countries", "closing: article's closing"],
    ['what does the end of the article say about drones', 'closing: the end'],
    ['Per the opening of the foreign-aid article, what was Moscow seeking?', 'opening: the opening'],
    // Chat drops the article: a document noun or the question's start opens the words.
    ['aid article intro: what do the partners get?', 'opening: article intro'],
    ['end of the upheaval post - what should we read next?', 'closing: end'],
    ['last paragraph: who pays?', 'closing: last paragraph'],
  ])('finds the part "%s" names', (question, expected) => {
    expect(named(question)).toBe(expected);
  });

  it.each([
    'What happened at the end of the war?',
    "How did analysts read the purchases in the war's opening year?",
    'Is the stockpile ending up in Russia?',
    'What did the introduction of sanctions lead to?',
    'Since the start of the invasion, what has Iran sent?',
    'What conclusion did the analysts reach?',
    'End of the war: what comes next?',
    'What is the last line of defence against drones?',
    'From the start, what did Iran supply?',
    'Is this the end?',
  ])('finds no part in "%s", whose words mean something else', (question) => {
    expect(partReferredTo(question)).toBeUndefined();
  });
});

describe('isInPart', () => {
  // Ten paragraphs of one length: a fifth of the text holds two of them at either end.
  const TEN = [...'ABCDEFGHIJ'];
  // File names unlike each document's first heading, which a title equal to it would take away.
  const [headed, plain, faq, summary] = smallCorpus([
    [
      'headed.md',
      [
        'Iran sells drones to Russia, and this opening paragraph says so.',
        '## Shells',
        'North Korea sends shells by rail to the Russian border.',
        '## Conclusion',
        'The partners will keep trading for years.',
        '## FAQs',
        'Q: Who sends shells? A: North Korea.',
      ].join('\n\n'),
    ],
    ['plain.txt', TEN.map((word) => `Paragraph ${word} of ten.`).join('\n\n')],
    ['only-questions.md', ['## FAQs', 'Q: Who sends shells? A: North Korea.', 'Q: Who sends drones? A: Iran.'].join('\n\n')],
    [
      'summary-first.md',
      ['## Summary', 'Drones and shells flow to Russia.', '## Open questions', 'Nobody knows how long it lasts.', '## Outlook for trade', 'Trade will grow next year.'].join('\n\n'),
    ],
  ]).documents;
  const partsOf = (document: typeof headed): Record<DocumentPart, string[]> => {
    // Every paragraph its own passage, however short.
    const passages = splitIntoPassages(document!, { minPassageChars: 1 });
    const inPart = (part: DocumentPart): string[] => passages.filter((passage) => isInPart(document!, passage, part)).map((passage) => passage.text);
    return { opening: inPart('opening'), closing: inPart('closing'), questions: inPart('questions') };
  };

  it('reads the parts of a document from its headings and its lead', () => {
    expect(partsOf(headed)).toEqual({
      opening: ['Iran sells drones to Russia, and this opening paragraph says so.'],
      closing: ['The partners will keep trading for years.'],
      questions: ['Q: Who sends shells? A: North Korea.'],
    });
  });

  it('takes a fifth of a document without headings at either end as its opening and closing', () => {
    expect(partsOf(plain)).toEqual({
      opening: ['Paragraph A of ten.', 'Paragraph B of ten.'],
      closing: ['Paragraph I of ten.', 'Paragraph J of ten.'],
      questions: [],
    });
  });

  it('gives a document of questions and answers alone no opening or closing', () => {
    expect(partsOf(faq)).toEqual({ opening: [], closing: [], questions: ['Q: Who sends shells? A: North Korea.', 'Q: Who sends drones? A: Iran.'] });
  });

  it('reads a closing heading only in the second half, and "questions" alone as no FAQ', () => {
    expect(partsOf(summary)).toEqual({ opening: ['Drones and shells flow to Russia.'], closing: ['Trade will grow next year.'], questions: [] });
  });
});
