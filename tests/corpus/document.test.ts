import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocuments, slugFromFile, type SourceText } from '../../src/corpus/document.ts';
import { splitIntoPassages } from '../../src/corpus/split.ts';
import type { Corpus } from '../../src/corpus/index.ts';
import type { Engine } from '../../src/search/index.ts';
import { openBundledEngine, SMALL_LEXICON } from '../fixtures/bundled.ts';

const source = (raw: string, meta: SourceText['meta'] = {}, file = 'article.txt'): SourceText => ({ file, raw, meta });
const build = (...sources: SourceText[]) => buildDocuments(sources, SMALL_LEXICON);

describe('buildDocuments', () => {
  it('takes the title from the sidecar meta before the first line', () => {
    const [document] = build(source('A first line that is not the title\n\nBody text of the article.', { title: 'Given Title' }));
    expect(document?.title).toBe('Given Title');
    expect(document?.text).toContain('A first line that is not the title');
  });

  it('takes the title from a first line written as a Markdown heading and keeps it out of the body', () => {
    const [document] = build(source('# Drone Alliance\n\nIran and Russia build drones together.'));
    expect(document?.title).toBe('Drone Alliance');
    expect(document?.text).toBe('Iran and Russia build drones together.');
  });

  it('falls back to the file name, readable, when nothing else names the document', () => {
    const [document] = build(source('Just one plain sentence of body text here.', {}, 'reports/drone_supply-chain.txt'));
    expect(document?.title).toBe('Drone supply chain');
  });

  it.each([
    ['no meta', {}],
    ['the same title in its sidecar', { title: 'How the Axis Works' }],
  ])('prints a title repeated on two lines only once (%s)', (_case, meta) => {
    const [document] = build(
      source('How the Axis Works\n\nHow the Axis Works\n\nThe body starts here and goes on for a while.\n\nA second paragraph follows it.', meta),
    );
    expect(document?.title).toBe('How the Axis Works');
    expect(document?.text).not.toContain('How the Axis Works');
  });

  it('gives documents stable slugs from their file names, unique even when two names clash', () => {
    const documents = build(source('One.', {}, 'Reports/2024 Q1.md'), source('Two.', {}, 'reports-2024-q1.txt'));
    expect(documents.map((d) => d.id)).toEqual(['reports-2024-q1', 'reports-2024-q1-2']);
    expect(slugFromFile('Café Crème.txt')).toBe('cafe-creme');
  });

  it('records a plain-text heading line as a section for the paragraphs after it', () => {
    const [document] = build(
      source('Intro paragraph that sets the scene.\n\nThe Alabuga Model\n\nDrones are built in Tatarstan.\n\nThe Price\n\nNorth Korea wants space technology.'),
    );
    expect(document?.sections.map((s) => s.heading)).toEqual(['The Alabuga Model', 'The Price']);
    const passages = splitIntoPassages(document!);
    expect(passages.find((p) => p.text.includes('Tatarstan'))?.section).toBe('The Alabuga Model');
    expect(passages.find((p) => p.text.includes('space technology'))?.section).toBe('The Price');
  });

  it('gives an inline ### heading of a one-line document to the passages after it, named as in the table of contents', () => {
    const raw =
      'An introduction that is long enough to stand on its own as a paragraph of text. --- **Table of Contents** ' +
      '1. [Military Cooperation: A Growing Concern](#military) 2. [Naval Drills](#naval) --- ' +
      '### Military Cooperation: A Growing Concern The military dimension is the most visible aspect. ' +
      '### Naval Drills China, Iran and Russia held joint naval exercises.';
    const [document] = build(source(raw, { title: 'Axis' }));
    const passages = splitIntoPassages(document!);
    expect(passages.find((p) => p.text.includes('most visible'))?.section).toBe('Military Cooperation: A Growing Concern');
    expect(passages.find((p) => p.text.includes('naval exercises'))?.section).toBe('Naval Drills');
    expect(document!.text).not.toMatch(/\]\(#|Table of Contents|---|\*\*|###/);
  });

  it('removes bullets so no paragraph starts with a list marker', () => {
    const [document] = build(source('Three ways:\n\n• Drone tactics: swarms.\n- Ammunition calibers: 152mm.\n1. Missile technology: KN-23.'));
    for (const paragraph of document!.paragraphs) {
      expect(document!.text.slice(paragraph.start, paragraph.end)).not.toMatch(/^(?:[•\-*]|\d+\.)\s/);
    }
  });

  it('repairs glued words using the vocabulary of the other documents too', () => {
    const documents = build(
      source('Workers build drones at Alabuga in Tatarstan.'),
      source('The Alabuga plant keeps growing.', {}, 'b.txt'),
      source('Here, theAlabuga plant grew.', {}, 'c.txt'),
    );
    expect(documents[2]?.text).toBe('Here, the Alabuga plant grew.');
  });

  it('splits a run by dictionary only in a document that shows glue by a case change', () => {
    const documents = build(
      source('Workers build drones. The payment came late. The payment was made.'),
      source('Clean text: thepaymentfor nothing.', {}, 'b.txt'),
      source('Here, theAlabuga plant grew; interoperabilityacross drones.', {}, 'c.txt'),
    );
    expect(documents[1]?.text).toContain('thepaymentfor');
    expect(documents[2]?.text).toContain('interoperability across drones');
  });
});

describe('the bundled corpus after cleaning', () => {
  let corpus: Corpus;
  let engine: Engine;
  beforeAll(() => {
    ({ corpus, engine } = openBundledEngine());
  });

  it.each([
    ['a literal backslash-n', '\\n'],
    ['Markdown bold', '**'],
    ['a table-of-contents link', '](#'],
    ['a Markdown heading marker', '###'],
    ['a horizontal rule', '---'],
    ['the table of contents', 'Table of Contents'],
    ['the glued "theAlabuga"', 'theAlabuga'],
    ['the glued "Zonehas"', 'Zonehas'],
    ['the glued "interoperabilityacross"', 'interoperabilityacross'],
    ['the glued "thepaymentfor"', 'thepaymentfor'],
    ['the glued "neededWesternhigh-tech"', 'Westernhigh'],
    ['the glued "implication:We"', 'implication:We'],
    ['the glued "new"Axis"', 'new"Axis'],
    ['the glued "Geran-2(the"', 'Geran-2(the'],
    ['a curly apostrophe', '\u2019'],
  ])('has no passage containing %s', (_case, defect) => {
    const offenders = engine.index.passages.filter((p) => p.text.includes(defect)).map((p) => p.id);
    expect(offenders).toEqual([]);
  });

  it('reads the repaired phrases as a person would', () => {
    const all = engine.index.passages.map((p) => p.text).join('\n');
    for (const phrase of ['the Alabuga Special Economic Zone has', 'interoperability across', 'the payment for', 'needed Western high-tech', 'implication: We', 'new "Axis of Arsenals"', 'Geran-2 (the'])
      expect(all).toContain(phrase);
  });

  it('splits the one-line article whose paragraphs were separated by a literal \\n', () => {
    const guardian = corpus.documents.find((d) => d.source === 'The Guardian')!;
    expect(guardian.paragraphs.length).toBeGreaterThan(1);
    expect(guardian.text).toMatch(/Ukraine\.\n\nAccording to one expert/);
  });

  it('takes the headings of the one-line Markdown article from its table of contents', () => {
    const axis = corpus.documents.find((d) => d.title.startsWith('The Axis of Upheaval'))!;
    expect(axis.sections.map((s) => s.heading)).toEqual([
      'The Evolving Geopolitical Landscape: A New Alignment Emerges',
      'Strategic Imperatives: Why This Alignment?',
      'Military Cooperation: A Growing Concern',
      'Naval Drills and Proposed Exercises',
      'Arms Transfers and Battlefield Support',
      'Economic and Technological Interdependencies',
      'Regional Destabilization: Individual Agendas, Collective Impact',
      'Nuances and Limitations: Is the Threat Overstated?',
      'Implications for Global Security and US Dominance',
      'Navigating the Complexities: Paths Forward and Backward',
    ]);
  });

  it('shows the title printed twice at the top of an article only as its title', () => {
    const fusing = corpus.documents.find((d) => d.title === 'How Moscow, Tehran, and Pyongyang Are Fusing Defense Industries')!;
    expect(fusing.text).not.toContain('Are Fusing Defense Industries');
  });
});
