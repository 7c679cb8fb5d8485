import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/corpus/index.ts';
import { documentReferredTo } from '../../src/search/document-reference.ts';
import { isDocumentTerm } from '../../src/search/document-words.ts';
import { blankSpan } from '../../src/search/document-words.ts';
import { termsOf } from '../../src/search/analyzer.ts';
import { SMALL_LEXICON } from '../fixtures/bundled.ts';

const documents = buildDocuments(
  [
    { file: 'drones.txt', raw: 'Iran sold drones to Russia.', meta: { title: "Iran and Russia's Drone Alliance" } },
    { file: 'procurement.txt', raw: 'Russia bought shells abroad.', meta: { title: 'Russian Arms Procurement', source: 'The Guardian' } },
    { file: 'upheaval.txt', raw: 'Four states align.', meta: { title: 'The Axis of Upheaval: Russia, China, Iran and North Korea' } },
  ],
  SMALL_LEXICON,
);

const referred = (question: string): string | undefined => documentReferredTo(question, documents)?.docId;

describe('documentReferredTo', () => {
  it.each([
    ['How does the drone article describe Iran?', 'drones'],
    ['what does the Guardian piece say about shells', 'procurement'],
    ['per the upheaval blog, who leads?', 'upheaval'],
    ['what does the axis-of-upheaval blog post call them', 'upheaval'],
    ['In a drone report, what is Shahed?', 'drones'],
    // Inflected forms of the title's words: "drones" and "Drone" are one term.
    ['what do the drones writeup and others say', 'drones'],
    ["what is the drone article's closing warning", 'drones'],
    // Chat drops the article after a preposition or at the question's start.
    ['what did russia buy, per guardian piece', 'procurement'],
    ['upheaval blog says who leads?', 'upheaval'],
  ])('finds the document "%s" names', (question, docId) => {
    expect(referred(question)).toBe(docId);
  });

  it.each([
    // No describing words: any document.
    ['What does the article say about Iran?'],
    // "Russia" is in two titles: either could be meant.
    ['What does the Russia article say?'],
    // "Axis" is only half the description, and no title has "arsenals".
    ['the photo in the axis of arsenals piece'],
    // A title's word without a document noun is the topic, not a document.
    ['Which drone did Iran sell?'],
    // No title holds the words.
    ['What does the Pentagon report say?'],
  ])('names no document in "%s"', (question) => {
    expect(referred(question)).toBeUndefined();
  });

  it('joins a describing word to a title word the stemmer keeps apart, when they begin alike', () => {
    const [fusing] = buildDocuments([{ file: 'fusing.txt', raw: 'Three industries merge.', meta: { title: 'How Three States Are Fusing Their Arms Makers' } }], SMALL_LEXICON);
    const all = [...documents, fusing!];
    expect(documentReferredTo('per the fusion piece, what merged?', all)?.docId).toBe('fusing');
    // "fund" begins like "fusing" for two letters only; "fusible" for four of its seven, short of two thirds.
    expect(documentReferredTo('per the fund piece, what merged?', all)).toBeUndefined();
    expect(documentReferredTo('per the fusible piece, what merged?', all)).toBeUndefined();
  });

  it('reads every document noun of the question, given the documents as a one-pass iterator', () => {
    const byId = new Map(documents.map((document) => [document.id, document]));
    expect(documentReferredTo('Does the Pentagon report agree with the drone article?', byId.values())?.docId).toBe('drones');
  });

  it('blanks the naming words, from the first describing word to the last document noun, keeping offsets', () => {
    const question = 'What, per the axis-of-upheaval blog post, unites them?';
    const reference = documentReferredTo(question, documents);
    const blanked = blankSpan(question, reference);
    expect(blanked).toHaveLength(question.length);
    expect(blanked.replace(/ +/g, ' ')).toBe('What, per the , unites them?');
    expect(blankSpan(question, undefined)).toBe(question);
  });
});

describe('isDocumentTerm', () => {
  it('knows the words that point at documents, but not the parts of their compounds', () => {
    expect(['write-up', 'op-ed', 'author', 'conclusion'].map((word) => isDocumentTerm(termsOf(word)[0]!))).toEqual([true, true, true, true]);
    // "write" and "op" are words of a question's topic, not names for a document.
    expect(['write', 'op', 'ed'].map(isDocumentTerm)).toEqual([false, false, false]);
  });
});
