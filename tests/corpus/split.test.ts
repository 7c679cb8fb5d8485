import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../src/corpus/document.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { defaultSplitOptions, splitIntoPassages } from '../../src/corpus/split.ts';
import type { Document } from '../../src/corpus/types.ts';
import { splitSentences } from '../../src/text/sentences.ts';
import { BUNDLED_CORPUS_DIR, SMALL_LEXICON } from '../fixtures/bundled.ts';

const SENTENCES = [
  'Iran supplied thousands of Shahed-136 drones to Russia in 2022 and 2023.',
  'The drones were later assembled at the Alabuga plant in Tatarstan.',
  'North Korea shipped millions of artillery shells by rail and by sea.',
  'China provided machine tools, microelectronics and other dual-use goods.',
  'Western sanctions were meant to stop this flow but largely failed.',
  'Analysts at the U.S. think tanks now speak of an axis of upheaval.',
  'Each partner gains something different from the arrangement.',
  'Russia gains ammunition, drones and a market for its oil and gas.',
  'Iran gains combat data, fighter jets and diplomatic cover.',
  'North Korea gains cash, food and perhaps space technology.',
  'China gains cheap energy and a distracted rival in Washington.',
  'None of them trusts the others fully, and history divides them.',
  'Still, the cooperation has deepened every year since the invasion.',
  'The question for the West is how to respond without escalation.',
];

function documentOf(raw: string, title = 'Test Article'): Document {
  return buildDocuments([{ file: 'test-article.txt', raw, meta: { title } }], SMALL_LEXICON)[0]!;
}

const LONG_ONE_LINE = SENTENCES.join(' ');

describe('splitIntoPassages', () => {
  it('numbers passages doc-slug#1, #2, ... in reading order', () => {
    const document = documentOf(`${LONG_ONE_LINE}\n\n${LONG_ONE_LINE}`);
    const passages = splitIntoPassages(document);
    expect(passages.map((p) => p.id)).toEqual(passages.map((_, i) => `test-article#${i + 1}`));
    expect(passages.map((p) => p.ordinal)).toEqual(passages.map((_, i) => i + 1));
    expect(passages.every((p, i) => i === 0 || p.start >= passages[i - 1]!.start)).toBe(true);
  });

  it('gives each passage the exact slice of the document text its offsets point at', () => {
    const document = documentOf(`Heading One\n\n${LONG_ONE_LINE}\n\nShort one.\n\nShort two.\n\nHeading Two\n\n${SENTENCES[0]}`);
    for (const passage of splitIntoPassages(document)) {
      expect(passage.text).toBe(document.text.slice(passage.start, passage.end));
    }
  });

  it('cuts a long one-line paragraph into overlapping windows of whole sentences', () => {
    expect(LONG_ONE_LINE.length).toBeGreaterThan(defaultSplitOptions.maxPassageChars);
    const document = documentOf(LONG_ONE_LINE);
    const passages = splitIntoPassages(document);
    const sentences = splitSentences(document.text).map((s) => document.text.slice(s.start, s.end));
    const longestSentence = Math.max(...sentences.map((s) => s.length));

    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(defaultSplitOptions.windowChars + longestSentence);
      expect(sentences.some((s) => passage.text.startsWith(s))).toBe(true);
      expect(sentences.some((s) => passage.text.endsWith(s))).toBe(true);
    }
    for (let i = 1; i < passages.length; i++) expect(passages[i]!.start).toBeLessThan(passages[i - 1]!.end);
    expect(passages[0]!.start).toBe(0);
    expect(passages.at(-1)!.end).toBe(document.text.length);
  });

  it.each([
    [300, 200],
    [200, 100],
  ])('keeps windows within the limit plus one sentence with windowChars %i', (windowChars, maxPassageChars) => {
    const document = documentOf(LONG_ONE_LINE);
    const longestSentence = Math.max(...SENTENCES.map((s) => s.length));
    const passages = splitIntoPassages(document, { windowChars, maxPassageChars });
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(windowChars + longestSentence);
    const covered = passages.map((p) => p.text).join(' ');
    for (const sentence of SENTENCES) expect(covered).toContain(sentence);
  });

  it('merges short paragraphs of one section into one passage', () => {
    const document = documentOf('Russia gains drones.\n\nIran gains jets.\n\nNorth Korea gains cash.');
    const passages = splitIntoPassages(document);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toBe('Russia gains drones.\n\nIran gains jets.\n\nNorth Korea gains cash.');
  });

  it('never merges short paragraphs across a section heading', () => {
    const document = documentOf('Intro line that starts it.\n\nWhat Russia Gains\n\nRussia gains drones.\n\nWhat Iran Gains\n\nIran gains jets.');
    const passages = splitIntoPassages(document);
    expect(passages.map((p) => [p.section, p.text])).toEqual([
      ['', 'Intro line that starts it.'],
      ['What Russia Gains', 'Russia gains drones.'],
      ['What Iran Gains', 'Iran gains jets.'],
    ]);
  });

  it('attaches to every window of a long paragraph the section it sits in', () => {
    const document = documentOf(`Opening words of the article.\n\nThe Axis Explained\n\n${LONG_ONE_LINE}`);
    const windows = splitIntoPassages(document).filter((p) => p.text.includes('drones') || p.text.includes('China'));
    expect(windows.length).toBeGreaterThan(1);
    expect(new Set(windows.map((p) => p.section))).toEqual(new Set(['The Axis Explained']));
  });

  it('gives the same ids and texts when the same folder is indexed again', () => {
    const first = loadCorpus(BUNDLED_CORPUS_DIR).documents.flatMap((d) => splitIntoPassages(d)).map((p) => [p.id, p.text]);
    const second = loadCorpus(BUNDLED_CORPUS_DIR).documents.flatMap((d) => splitIntoPassages(d)).map((p) => [p.id, p.text]);
    expect(second).toEqual(first);
    expect(first.length).toBeGreaterThan(5);
  });

  it('keeps the ids of one document when another document is added to the corpus', () => {
    const a = { file: 'a.txt', raw: `${LONG_ONE_LINE}\n\nShort closing paragraph here.`, meta: {} };
    const b = { file: 'b.txt', raw: 'Another article about something else entirely.', meta: {} };
    const alone = splitIntoPassages(buildDocuments([a], SMALL_LEXICON)[0]!).map((p) => [p.id, p.text]);
    const withOther = splitIntoPassages(buildDocuments([b, a], SMALL_LEXICON)[1]!).map((p) => [p.id, p.text]);
    expect(withOther).toEqual(alone);
  });
});
