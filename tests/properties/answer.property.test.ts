import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments, splitIntoPassages } from '../../src/corpus/index.ts';
import type { Engine } from '../../src/search/index.ts';
import { openBundledEngine, SMALL_LEXICON } from '../fixtures/bundled.ts';

let engine: Engine;
let corpusWords: string[];
beforeAll(() => {
  ({ engine } = openBundledEngine());
  corpusWords = [...new Set(engine.index.passages.flatMap((p) => p.text.split(/\s+/)))].filter(Boolean).slice(0, 4000);
});

/** Asks the question and checks every rule an answer keeps, whatever was asked. */
function checkAnswer(question: string, options: { limit?: number; offset?: number } = {}): void {
  const answer = engine.ask(question, options);
  expect(answer.question).toBe(question);
  if (answer.kind === 'no-match') {
    expect(['empty-question', 'no-terms', 'off-topic']).toContain(answer.reason);
    expect(answer.message).not.toBe('');
    return;
  }
  expect(answer.excerpts.length).toBeLessThanOrEqual(25);
  for (const excerpt of answer.excerpts) {
    const view = engine.passage(excerpt.citation.passageId);
    expect(view).toBeDefined();
    expect(excerpt.text.length).toBeLessThanOrEqual(500);
    expect(excerpt.text.length).toBeGreaterThan(0);
    expect(view!.passage.text).toContain(excerpt.text);
    for (const span of excerpt.highlights) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(excerpt.text.length);
      expect(span.start).toBeLessThan(span.end);
    }
  }
}

const corpusWord = () => fc.constantFrom(...corpusWords);
const noise = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('?', '!!', '🤔', '#', '**', '\\n', '-', '%', "'s", ',', '...', 'US', 'the', 'what is', '\u0000', '\uFFFD', '\u200B'),
);

describe('any question', () => {
  it('never throws and quotes at most 500 characters of its passage for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 200 })), (question) => {
        checkAnswer(question);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the rules for corpus words mixed with noise, on any page', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 3, arbitrary: corpusWord() }, { weight: 1, arbitrary: noise }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(' ', '', '-', '\n', '  '),
        fc.integer({ min: -2, max: 30 }),
        fc.integer({ min: -2, max: 40 }),
        (parts, separator, limit, offset) => {
          checkAnswer(parts.join(separator), { limit, offset });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('completes any input with at most 25 strings of at most 100 characters', () => {
    fc.assert(
      fc.property(fc.oneof(noise, corpusWord().map((w) => w.slice(0, 3))), (prefix) => {
        const suggestions = engine.suggest(prefix);
        expect(suggestions.length).toBeLessThanOrEqual(25);
        for (const suggestion of suggestions) expect(suggestion.length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 200 },
    );
  });
});

describe('any document text', () => {
  const fragment = fc.oneof(
    { weight: 3, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '### ', '# ', '## Heading Words ', '\\n', '\\n\\n', '\n', '\n\n', '**', '--- ', ' * * * ', '[Part One](#part-one) ', '1. ', '• ', '- ',
        'theAlabuga ', 'Zonehas ', 'new"Axis', 'Geran-2(the ', 'implication:We ', '3,700 ', 'U.S. ', '\u201c', '\u2019', '\uFEFF', '\t', '\r\n',
        'Table of Contents ', 'The war went on. ', 'Iran sent drones to Russia. ', '---\ntitle: x\n---\n', '<b>', '`', '_', '!',
      ),
    },
  );

  it('builds documents without throwing, and every passage is a slice of its document text', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 3 }), (raws) => {
        const documents = buildDocuments(
          raws.map((raw, i) => ({ file: `doc-${i}.txt`, raw, meta: {} })),
          SMALL_LEXICON,
        );
        expect(documents).toHaveLength(raws.length);
        expect(new Set(documents.map((d) => d.id)).size).toBe(raws.length);
        for (const document of documents) {
          expect(document.title).not.toBe('');
          for (const paragraph of document.paragraphs) {
            expect(paragraph.start).toBeGreaterThanOrEqual(0);
            expect(paragraph.end).toBeLessThanOrEqual(document.text.length);
          }
          const passages = splitIntoPassages(document, { maxPassageChars: 120, windowChars: 80, minPassageChars: 30 });
          passages.forEach((passage, i) => {
            expect(passage.id).toBe(`${document.id}#${i + 1}`);
            expect(passage.text).toBe(document.text.slice(passage.start, passage.end));
          });
        }
      }),
      { numRuns: 200 },
    );
  });
});
