import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/corpus/index.ts';
import { createEngine, type Answer, type Engine, type Excerpt } from '../../src/search/index.ts';
import { buildDocuments } from '../../src/corpus/index.ts';
import { excerptsOf, openBundledEngine, SMALL_LEXICON, smallCorpus, titles } from '../fixtures/bundled.ts';
import { isInPart, type DocumentPart } from '../../src/search/document-part.ts';

let corpus: Corpus;
let engine: Engine;
beforeAll(() => {
  ({ corpus, engine } = openBundledEngine());
});

/** Where an excerpt lies in its document's text. */
function documentSpan(excerpt: Excerpt): { docId: string; start: number; end: number } {
  const passage = engine.passage(excerpt.citation.passageId)!.passage;
  return { docId: passage.docId, start: passage.start + excerpt.start, end: passage.start + excerpt.end };
}

describe('ranking on the bundled corpus', () => {
  it.each([
    ['Which district is the Alabuga zone in?', 'Yelabuga'],
    ['Who is the RUSI senior research fellow?', 'Jack Watling'],
    ["What share of Russia's semiconductor imports come from China?", '90%'],
    ['How many Shahed-136 drones did Iran deliver to Russia?', '3,700'],
    // Two passages answer it, one by the American name (KN-23), one by the Korean (Hwasong-11).
    ['Which North Korean missiles are used in Ukraine?', /KN-23|Hwasong-11/],
    ['In which Russian region is the Alabuga drone plant located?', 'Tatarstan'],
  ])('puts the passage that answers "%s" first (it says %s)', (question, answer) => {
    expect(excerptsOf(engine.ask(question))[0]!.text).toMatch(answer);
  });

  // "calibre" finds "calibers" through the alias file; the passage that names them is among the first.
  it('answers "What calibre of artillery do Russia and North Korea share?" with 152mm among the first three', () => {
    expect(excerptsOf(engine.ask('What calibre of artillery do Russia and North Korea share?', { limit: 3 })).map((excerpt) => excerpt.text).join('\n')).toContain('152mm');
  });

  // Known trade-off of related words: "weapons" is a WordNet synonym of "artillery", so the
  // sentence "producing the same calibre of weapons" (which names no calibre) now holds every
  // word of the question and comes first; the passage with 152mm comes second.
  it.fails('puts the passage that names the shared calibre (152mm) first (known trade-off of related words)', () => {
    expect(excerptsOf(engine.ask('What calibre of artillery do Russia and North Korea share?'))[0]!.text).toContain('152mm');
  });

  // Known defect: "percentage" and "came" occur nowhere in the corpus, and the unknown words of a
  // question weigh as the rarest terms, so together they outweigh "semiconductor imports China".
  it('answers the semiconductor question even when it says "came" and "percentage"', () => {
    expect(excerptsOf(engine.ask('What percentage of semiconductor imports came from China?'))[0]!.text).toContain('90%');
  });

  it('ranks excerpts from the highest score down', () => {
    const scores = excerptsOf(engine.ask('Iran drones Russia', { limit: 10 })).map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('aliases', () => {
  it('finds a passage that says North Korea for a question that says DPRK', () => {
    const top = excerptsOf(engine.ask('How many containers of arms did the DPRK send?'))[0]!;
    expect(top.text).toContain('North Korea');
    expect(top.text).not.toContain('DPRK');
    expect(top.matchedTerms).toEqual(expect.arrayContaining(['north', 'korea']));
  });

  it('finds a passage that says Iran for a question that says Tehran, which it would miss without aliases', () => {
    const question = 'What did Tehran give Russia to build drones?';
    const isIranOnly = (e: Excerpt) => !e.text.includes('Tehran') && e.matchedTerms.some((term) => term === 'iran' || term === 'iranian');
    expect(excerptsOf(engine.ask(question)).some(isIranOnly)).toBe(true);
    const withoutAliases = createEngine({ ...corpus, aliases: [] }, { countryAliases: false });
    expect(excerptsOf(withoutAliases.ask(question)).some(isIranOnly)).toBe(false);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['a dropped letter in a long word', 'What share of semiconductrs come from China?', '90%'],
    ['a doubled letter in a name', 'Where is the Alabugaa plant?', 'Alabuga'],
  ])('still answers with %s', (_case, question, expected) => {
    expect(excerptsOf(engine.ask(question))[0]!.text).toContain(expected);
  });

  // "convert" is one letter from "converg", the stem of "convergence", which the corpus writes.
  it('takes an English word spelled right for another word, not a typo, and declines', () => {
    expect(engine.ask('How do I convert a Word document to PDF on a Mac?')).toMatchObject({ kind: 'no-match', reason: 'off-topic' });
  });

  // Known defect: two swapped letters are two edits, and a 7-letter word is only allowed one,
  // so the misspelt name counts as an unknown word and the question is declined as off-topic.
  it.fails('still answers with two swapped letters in a name (known defect: "Alabgua")', () => {
    expect(excerptsOf(engine.ask('Where is the Alabgua plant?'))[0]!.text).toContain('Alabuga');
  });
});

describe('excerpts', () => {
  const QUESTIONS = [
    'Which district is the Alabuga zone in?',
    'Who is Tong Zhao?',
    'What did North Korea get in return for artillery shells?',
    'How does China help Russia avoid sanctions?',
    'What are the naval drills in the Gulf of Oman?',
    'Why is the threat overstated?',
  ];

  it.each(QUESTIONS)('quotes the corpus verbatim, at most 500 characters, for "%s"', (question) => {
    for (const excerpt of excerptsOf(engine.ask(question, { limit: 5 }))) {
      const view = engine.passage(excerpt.citation.passageId)!;
      expect(excerpt.text.length).toBeLessThanOrEqual(500);
      expect(excerpt.text.trim()).not.toBe('');
      expect(view.passage.text).toContain(excerpt.text);
      expect(view.passage.text.slice(excerpt.start, excerpt.end)).toBe(excerpt.text);
    }
  });

  it.each(QUESTIONS)('cites title, section and passage id for "%s"', (question) => {
    for (const excerpt of excerptsOf(engine.ask(question))) {
      const { passage } = engine.passage(excerpt.citation.passageId)!;
      const document = corpus.documents.find((d) => d.id === passage.docId)!;
      expect(excerpt.citation).toMatchObject({ passageId: passage.id, docId: document.id, title: document.title, section: passage.section });
      expect(excerpt.citation.passageId).toMatch(/^[a-z0-9-]+#\d+$/);
    }
  });

  it('carries the source of a document that has one', () => {
    const top = excerptsOf(engine.ask('Who is Jack Watling?'))[0]!;
    expect(top.citation).toMatchObject({ title: 'Russian Arms Procurement from Iran and North Korea', source: 'The Guardian' });
  });

  it.each(QUESTIONS)('highlights only words of the excerpt that match the question for "%s"', (question) => {
    for (const excerpt of excerptsOf(engine.ask(question))) {
      expect(excerpt.highlights.length).toBeGreaterThan(0);
      for (const span of excerpt.highlights) {
        const word = excerpt.text.slice(span.start, span.end);
        expect(word).toMatch(/^[\p{L}\p{N}]/u);
        expect(excerpt.matchedTerms).toContain(word.toLowerCase());
      }
    }
  });

  it('highlights the question words where they stand in the excerpt', () => {
    const top = excerptsOf(engine.ask('Which district is the Alabuga zone in?'))[0]!;
    const highlighted = top.highlights.map((s) => top.text.slice(s.start, s.end));
    expect(highlighted).toEqual(expect.arrayContaining(['district', 'Alabuga', 'Zone']));
    expect(highlighted).not.toContain('Yelabuga');
  });

  it('highlights a compound as one word', () => {
    const top = excerptsOf(engine.ask('Which KN-23 missiles were used?'))[0]!;
    expect(top.highlights.map((s) => top.text.slice(s.start, s.end))).toContain('KN-23');
  });

  it('never returns the same stretch of text twice from overlapping windows', () => {
    const questions = [
      'Tong Zhao senior fellow Carnegie Endowment grouping China least wants to associate with',
      'Jack Watling senior research fellow Royal United Services Institute routes into Iran',
      'differences in language, culture, politics and technological sophistication hindered collaboration',
    ];
    for (const question of questions) {
      const spans = excerptsOf(engine.ask(question, { limit: 10 })).map(documentSpan);
      for (let i = 0; i < spans.length; i++) {
        for (let j = i + 1; j < spans.length; j++) {
          const a = spans[i]!;
          const b = spans[j]!;
          if (a.docId !== b.docId) continue;
          const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
          expect(shared, `${question}: excerpts ${i} and ${j}`).toBeLessThanOrEqual(0.5 * Math.min(a.end - a.start, b.end - b.start));
        }
      }
    }
  });

  it('also quotes, as a later result, the part of a passage beyond its best excerpt', () => {
    const paragraph = [
      'The harbour lighthouse at Brindle Point stands on a granite ledge above the harbour.',
      'Visitors to Brindle Point can climb the harbour lighthouse in summer and look across the bay.',
      'The harbour lighthouse at Brindle Point was painted red and white after a storm damaged the lantern.',
      'Fishing boats still use the lighthouse as a landmark when fog rolls in from the open sea.',
      'A small museum beside the tower shows old lenses, logbooks and photographs of the coast.',
      'The keeper was Agnes Moor, who kept the light burning for forty years.',
    ].join(' ');
    const raw = `Brindle Point\n\n${paragraph}\n\nThe village bakery opens at six every morning.`;
    const small = createEngine(smallCorpus([['point.txt', raw]]));
    const excerpts = excerptsOf(small.ask('Who kept the harbour lighthouse at Brindle Point?', { limit: 5 }));
    const answer = excerpts.findIndex((e) => e.text.includes('Agnes Moor'));
    expect(excerpts[0]!.text).not.toContain('Agnes Moor');
    expect(answer).toBeGreaterThan(0);
    expect(excerpts[answer]!.citation.passageId).toBe(excerpts[0]!.citation.passageId);
    expect(excerpts[answer]!.start).toBeGreaterThanOrEqual(excerpts[0]!.end);
  });

  it('quotes a sentence that sits in two overlapping windows only once', () => {
    const sentence = 'Tong Zhao, a senior fellow at the Carnegie Endowment for International Peace';
    const excerpts = excerptsOf(engine.ask('What did Tong Zhao of the Carnegie Endowment say?', { limit: 10 }));
    expect(excerpts.filter((e) => e.text.includes(sentence))).toHaveLength(1);
  });
});

describe('paging', () => {
  const question = 'How do Iran and Russia cooperate on drones?';

  it('returns the next excerpts with an offset, the same as a longer first page', () => {
    const first = engine.ask(question, { limit: 3 });
    const second = engine.ask(question, { limit: 3, offset: 3 });
    const both = engine.ask(question, { limit: 6 });
    const ids = (a: Answer) => excerptsOf(a).map((e) => e.citation.passageId + ':' + e.start);
    expect([...ids(first), ...ids(second)]).toEqual(ids(both));
    expect(new Set(ids(both)).size).toBe(6);
  });

  it('reports the total so a reader knows when the pages end', () => {
    const first = engine.ask(question, { limit: 3 });
    if (first.kind !== 'answered') throw new Error('expected an answer');
    expect(first.total).toBeGreaterThan(3);
    const past = engine.ask(question, { limit: 3, offset: first.total });
    expect(excerptsOf(past)).toEqual([]);
    const last = engine.ask(question, { limit: 3, offset: first.total - 1 });
    expect(excerptsOf(last)).toHaveLength(1);
  });

  it.each([
    ['a limit of 0', { limit: 0 }, 1],
    ['a negative limit', { limit: -5 }, 1],
    ['a limit above 25', { limit: 1000 }, 25],
    ['a fractional limit', { limit: 2.7 }, 2],
    ['a limit that is not a number', { limit: Number.NaN }, 1],
  ])('clamps %s', (_case, options, expected) => {
    const answer = engine.ask('Russia Iran North Korea China cooperation', options);
    if (answer.kind !== 'answered') throw new Error('expected an answer');
    expect(answer.excerpts.length).toBe(Math.min(expected, answer.total));
  });
});

describe('engine.passage', () => {
  it('returns a passage in full with the ids of its neighbours in the same document', () => {
    const view = engine.passage('000-4253ffe1722c6518#5')!;
    expect(view.passage.text).toMatch(/^The clearest evidence of this shift/);
    expect(view.citation).toMatchObject({ passageId: '000-4253ffe1722c6518#5', section: 'From Transaction to Integration: The Alabuga Model' });
    expect(view.previousId).toBe('000-4253ffe1722c6518#4');
    expect(view.nextId).toBe('000-4253ffe1722c6518#6');
  });

  it('has no previous id at the start of a document and no next id at its end', () => {
    for (const summary of engine.documents()) {
      const first = engine.passage(`${summary.id}#1`)!;
      const last = engine.passage(`${summary.id}#${summary.passageCount}`)!;
      expect(first.previousId).toBeUndefined();
      expect(last.nextId).toBeUndefined();
      expect(engine.passage(`${summary.id}#${summary.passageCount + 1}`)).toBeUndefined();
    }
  });

  it.each([[''], ['nope#1'], ['000-4253ffe1722c6518#0'], ['000-4253ffe1722c6518']])('returns undefined for the unknown id "%s"', (id) => {
    expect(engine.passage(id)).toBeUndefined();
  });

  it('accepts an id with spaces around it, as typed', () => {
    expect(engine.passage('  000-4253ffe1722c6518#5 ')?.passage.id).toBe('000-4253ffe1722c6518#5');
  });
});

describe('engine.documents', () => {
  it('lists the five documents with their titles, sources and passage counts', () => {
    const documents = engine.documents();
    expect(documents.map((d) => d.title)).toEqual([
      'How Moscow, Tehran, and Pyongyang Are Fusing Defense Industries',
      "Russia's War Partners: Iran, North Korea and China",
      "Iran and Russia's Drone Alliance",
      'The Axis of Upheaval: Russia, China, Iran and North Korea',
      'Russian Arms Procurement from Iran and North Korea',
    ]);
    expect(documents.find((d) => d.source)?.source).toBe('The Guardian');
    for (const document of documents) {
      const passages = engine.index.passages.filter((p) => p.docId === document.id);
      expect(document.passageCount).toBe(passages.length);
      expect(document.passageCount).toBeGreaterThan(0);
    }
  });

  it('lists the section headings of each document in order', () => {
    const axis = engine.documents().find((d) => d.title.startsWith('The Axis of Upheaval'))!;
    expect(axis.sections[0]).toBe('The Evolving Geopolitical Landscape: A New Alignment Emerges');
    expect(axis.sections.at(-1)).toBe('Navigating the Complexities: Paths Forward and Backward');
  });
});

describe('engine.suggest', () => {
  it('completes a typed prefix with a word of the corpus', () => {
    const suggestions = engine.suggest('dro');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(25);
    const word = suggestions.find((s) => /^dro\p{L}+$/u.test(s));
    expect(word).toBeDefined();
    expect(engine.index.passages.some((p) => p.text.toLowerCase().includes(word!))).toBe(true);
  });

  it('keeps the words typed before the one it completes', () => {
    const suggestions = engine.suggest('Alabuga fac');
    expect(suggestions.length).toBeGreaterThan(0);
    for (const suggestion of suggestions) expect(suggestion).toMatch(/^Alabuga fac/);
  });

  it('offers section headings when nothing is typed', () => {
    const suggestions = engine.suggest('');
    expect(suggestions).toHaveLength(25);
    expect(suggestions).toContain('Naval Drills and Proposed Exercises');
  });

  it.each([
    ['a very long input', 'drones '.repeat(60)],
    ['an unknown word', 'zzzzqqq'],
    ['emoji', '🤔🤔'],
    ['a heading word', 'Naval'],
  ])('returns at most 25 strings of at most 100 characters for %s', (_case, input) => {
    const suggestions = engine.suggest(input);
    expect(suggestions.length).toBeLessThanOrEqual(25);
    for (const suggestion of suggestions) {
      expect(suggestion.length).toBeLessThanOrEqual(100);
      expect(suggestion.trim()).not.toBe('');
    }
  });

  it('honours a smaller limit', () => {
    expect(engine.suggest('', 3)).toHaveLength(3);
  });
});

describe('section headings', () => {
  const raw = [
    '# Coast Guide',
    '',
    '## Harbour Museum',
    '',
    'The museum keeps old lenses. Its first keeper served for forty years and wrote every logbook by hand.',
    '',
    '## Brindle Point Lighthouse',
    '',
    'The walls stand on a granite ledge. Its first keeper served for twelve years.',
  ].join('\n');
  const small = (options = {}) =>
    createEngine({ dir: 'test', documents: buildDocuments([{ file: 'coast.md', raw, meta: {} }], SMALL_LEXICON), aliases: [], warnings: [] }, options);
  const question = 'How long did the first keeper of Brindle Point Lighthouse serve?';

  it('counts question words that only the section heading holds', () => {
    expect(excerptsOf(small().ask(question))[0]!.text).toContain('twelve years');
  });

  it('would decline that question as off-topic without the heading', () => {
    expect(small({ answer: { headingCredit: 0 } }).ask(question).kind).toBe('no-match');
  });
});

describe('words written side by side', () => {
  // The same words in both documents, so BM25 and coverage tie: only their order differs.
  const corpus = smallCorpus([
    ['scattered.txt', 'Artillery crews fired old shells at night near the border.'],
    ['together.txt', 'Crews fired artillery shells at night near the old border.'],
  ]);
  const small = (options = {}) => createEngine(corpus, options);
  const question = 'Who fired the artillery shells?';

  it('ranks first the excerpt that writes the question\'s words next to each other', () => {
    expect(titles(small().ask(question))).toEqual(['together', 'scattered']);
  });

  it('would tie the two without the bonus for neighbouring words', () => {
    const [first, second] = excerptsOf(small({ answer: { adjacencyBonus: 0 } }).ask(question));
    expect(first!.score).toBe(second!.score);
  });
});

describe('words that point at the documents', () => {
  // "blog", "piece", "writer" occur nowhere in the bundled corpus: counted as words it cannot answer, they got these declined.
  it.each([
    ['the blog piece author says what about gray zone warfare?', 'gray zone'],
    ['what does the writer of the piece think of the crown jewel', 'crown jewel'],
  ])('answers "%s" from the text about the topic', (question, expected) => {
    expect(excerptsOf(engine.ask(question))[0]!.text).toContain(expected);
  });

  it('still declines a question about some other book', () => {
    expect(engine.ask('Who is the author of the Harry Potter books?').kind).toBe('no-match');
  });

  describe('a document named by its title', () => {
    // The other document is shorter, so it answers the question without the naming words, and it writes "drones".
    const files = [
      ['The Drone Alliance.txt', 'Iran sold Russia engines and spare parts for its aircraft over several years of steady trade.'],
      ['Arms Procurement.txt', 'Iran sold Russia drones, and the drones reached Ukraine.'],
    ] as const;
    const two = createEngine(smallCorpus(files));

    it('ranks the named document first, and the other still follows', () => {
      expect(titles(two.ask('What did Iran sell Russia?'))[0]).toBe('Arms Procurement');
      expect(titles(two.ask('What did Iran sell Russia, per the drone article?'))).toEqual(['The Drone Alliance', 'Arms Procurement']);
      expect(titles(two.ask('What did Iran sell Russia, according to the procurement piece?'))[0]).toBe('Arms Procurement');
    });

    it('does not search for or highlight the words that name the document', () => {
      const other = excerptsOf(two.ask('What did Iran sell Russia, per the drone article?'))[1]!;
      expect(other.citation.title).toBe('Arms Procurement');
      expect(other.matchedTerms).toEqual(expect.arrayContaining(['iran', 'sold', 'russia']));
      expect(other.matchedTerms).not.toContain('drones');
    });

    it('answers from the named document alone when the question asks about nothing else', () => {
      // Over the bundled corpus, whose articles write their titles' words in their text.
      expect(new Set(titles(engine.ask('What does the drone article say?')))).toEqual(new Set(["Iran and Russia's Drone Alliance"]));
      expect(new Set(excerptsOf(engine.ask('What does the Guardian piece say?')).map((excerpt) => excerpt.citation.source))).toEqual(new Set(['The Guardian']));
    });

    it('ranks by the other words alone without the bonus', () => {
      const noBonus = createEngine(smallCorpus(files), { answer: { referredDocumentBonus: 0 } });
      expect(titles(noBonus.ask('What did Iran sell Russia, per the drone article?'))[0]).toBe('Arms Procurement');
    });
  });

  describe('a part of a document named by its place', () => {
    // The lead answers the question in fewer words, so it ranks first unless the question names the conclusion.
    const files = [
      ['Trade.md', ['Iran sold Russia drones.', '## Background', 'The two states have traded for decades.', '## Conclusion', 'Iran sold Russia engines and spare parts for its aircraft over several years of steady trade.'].join('\n\n')],
    ] as const;
    const trade = createEngine(smallCorpus(files));
    const sections = (answer: Answer): string[] => excerptsOf(answer).map((excerpt) => excerpt.citation.section);

    it('ranks the named part first', () => {
      expect(sections(trade.ask('What did Iran sell Russia?'))[0]).toBe('');
      expect(sections(trade.ask('What did Iran sell Russia, according to the conclusion?'))[0]).toBe('Conclusion');
      expect(sections(trade.ask("What did Iran sell Russia, per the article's closing paragraph?"))[0]).toBe('Conclusion');
    });

    it('quotes that part when the question asks about nothing else', () => {
      expect(sections(trade.ask('What does the conclusion say?'))).toEqual(['Conclusion']);
      expect(sections(trade.ask('Summarise the intro'))).toEqual(['']);
    });

    /** The passages of the bundled corpus in a part, by the part's own rule. */
    const passagesIn = (part: DocumentPart) => engine.index.passages.filter((passage) => isInPart(engine.index.documents.get(passage.docId)!, passage, part));

    it("quotes every document's part, one of each first, when no document is named", () => {
      const withClosing = [...new Set(passagesIn('closing').map((passage) => passage.docId))];
      expect(withClosing.length).toBeGreaterThan(1);
      for (const question of ["What's in the conclusion?", 'What is the conclusion of the article?', 'What does the conclusion argue?']) {
        const documents = excerptsOf(engine.ask(question, { limit: withClosing.length })).map((excerpt) => excerpt.citation.docId);
        expect(documents, question).toHaveLength(withClosing.length);
        expect(new Set(documents), question).toEqual(new Set(withClosing));
      }
    });

    it('pages through the quoted part without repeating an excerpt', () => {
      const faq = passagesIn('questions').length;
      expect(faq).toBeGreaterThanOrEqual(4);
      const first = engine.ask('Show me the FAQ', { limit: 2 });
      const second = engine.ask('Show me the FAQ', { limit: 2, offset: 2 });
      const ids = [...excerptsOf(first), ...excerptsOf(second)].map((excerpt) => excerpt.citation.passageId);
      expect(new Set(ids).size).toBe(4);
      expect(first.kind === 'answered' && first.total).toBe(faq);
      expect(excerptsOf(first).every((excerpt) => excerpt.text.startsWith('Q:'))).toBe(true);
    });

    it('says so when no document has the part', () => {
      const answer = trade.ask('Show me the FAQ');
      expect(answer.kind).toBe('no-match');
      expect(answer.kind === 'no-match' && answer.message).toMatch(/FAQ/);
    });

    it('quotes the part of the document the question names', () => {
      expect(new Set(titles(engine.ask("What is the drone article's conclusion?")))).toEqual(new Set(["Iran and Russia's Drone Alliance"]));
    });

    it('ranks by the other words alone without the bonus', () => {
      const noBonus = createEngine(smallCorpus(files), { answer: { referredPartBonus: 0 } });
      expect(sections(noBonus.ask('What did Iran sell Russia, according to the conclusion?'))[0]).toBe('');
    });
  });
});
