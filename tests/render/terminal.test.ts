import { describe, expect, it } from 'vitest';
import { formatCitation, renderAnswerForTerminal, renderDocumentsForTerminal, renderPassageForTerminal } from '../../src/render/terminal.ts';
import type { Answer, Excerpt, PassageView } from '../../src/search/types.ts';

const WATLING =
  '"North Korean arms do get about," Jack Watling, a senior research fellow at the Royal United Services Institute, told the Guardian, "and there are fairly established routes into Iran.';

function excerpt(text: string, words: readonly string[], citation: Partial<Excerpt['citation']> = {}): Excerpt {
  const highlights = words.map((word) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length };
  });
  return {
    text,
    citation: { passageId: 'arms#10', docId: 'arms', title: 'Russian Arms Procurement', section: '', ...citation },
    score: 0.9,
    start: 0,
    end: text.length,
    highlights,
    matchedTerms: words.map((w) => w.toLowerCase()),
  };
}

const ANSWER: Answer = {
  kind: 'answered',
  question: 'Who is the RUSI senior research fellow?',
  total: 2,
  confidence: 0.8,
  excerpts: [
    excerpt(WATLING, ['senior', 'research', 'fellow'], { source: 'The Guardian' }),
    excerpt('Drones were built\nin Tatarstan.', ['Drones'], {
      passageId: 'drones#3',
      docId: 'drones',
      title: "Iran and Russia's Drone Alliance",
      section: 'From Tehran to Tatarstan',
    }),
  ],
};

describe('renderAnswerForTerminal', () => {
  it('numbers the excerpts, wraps them at 100 columns and cites each below it', () => {
    expect(renderAnswerForTerminal(ANSWER)).toMatchInlineSnapshot(`
      "1. "North Korean arms do get about," Jack Watling, a senior research fellow at the Royal United
          Services Institute, told the Guardian, "and there are fairly established routes into Iran.
          — Russian Arms Procurement · arms#10 · The Guardian

      2. Drones were built in Tatarstan.
          — Iran and Russia's Drone Alliance › From Tehran to Tatarstan · drones#3"
    `);
  });

  it('numbers a later page from where it starts', () => {
    expect(renderAnswerForTerminal(ANSWER, { firstNumber: 4 }).match(/^\d+\. /gm)).toEqual(['4. ', '5. ']);
  });

  it('prints the message of an abstention as it is', () => {
    const answer: Answer = { kind: 'no-match', question: 'cookies', reason: 'off-topic', message: 'I could not find that in the documents.' };
    expect(renderAnswerForTerminal(answer)).toBe('I could not find that in the documents.');
  });

  it('prints no escape codes without colour', () => {
    expect(renderAnswerForTerminal(ANSWER)).not.toContain('\u001b[');
  });

  it('wraps highlighted words in ANSI bold when colour is on', () => {
    const coloured = renderAnswerForTerminal(ANSWER, { color: true });
    for (const word of ['senior', 'research', 'fellow', 'Drones']) expect(coloured).toMatch(new RegExp(`\\u001b\\[1(;\\d+)?m${word}\\u001b\\[0m`));
    expect(coloured).not.toMatch(/\u001b\[1(;\d+)?mJack/);
    expect(coloured.replace(/\u001b\[[\d;]*m/g, '')).toBe(renderAnswerForTerminal(ANSWER));
  });
});

describe('renderPassageForTerminal', () => {
  const view: PassageView = {
    passage: { id: 'arms#10', docId: 'arms', section: '', ordinal: 10, start: 0, end: WATLING.length, text: WATLING },
    citation: { passageId: 'arms#10', docId: 'arms', title: 'Russian Arms Procurement', section: '', source: 'The Guardian' },
    previousId: 'arms#9',
    nextId: 'arms#11',
  };

  it('shows the citation, the whole passage and its neighbours', () => {
    expect(renderPassageForTerminal(view)).toMatchInlineSnapshot(`
      "Russian Arms Procurement · arms#10 · The Guardian

      "North Korean arms do get about," Jack Watling, a senior research fellow at the Royal United
      Services Institute, told the Guardian, "and there are fairly established routes into Iran.

      previous: arms#9   next: arms#11"
    `);
  });

  it('leaves out the neighbours line for a passage that has none', () => {
    const { previousId: _p, nextId: _n, ...alone } = view;
    expect(renderPassageForTerminal(alone)).not.toMatch(/previous|next/);
  });
});

describe('renderDocumentsForTerminal', () => {
  it('lists each document with its id, passage count, sections and source', () => {
    expect(
      renderDocumentsForTerminal([
        { id: 'arms', title: 'Russian Arms Procurement', source: 'The Guardian', file: 'arms.txt', passageCount: 16, sections: [] },
        { id: 'drones', title: "Iran and Russia's Drone Alliance", file: 'drones.md', passageCount: 21, sections: ['A', 'B'] },
      ]),
    ).toMatchInlineSnapshot(`
      "Russian Arms Procurement (The Guardian)
          arms · 16 passages · 0 sections
      Iran and Russia's Drone Alliance
          drones · 21 passages · 2 sections"
    `);
  });
});

describe('formatCitation', () => {
  it.each([
    [{ title: 'T', section: '', passageId: 'd#1', docId: 'd' }, 'T · d#1'],
    [{ title: 'T', section: 'S', passageId: 'd#1', docId: 'd' }, 'T › S · d#1'],
    [{ title: 'T', section: 'S', passageId: 'd#1', docId: 'd', source: 'The Guardian', url: 'https://x.test/a' }, 'T › S · d#1 · The Guardian · https://x.test/a'],
  ])('formats %o as "%s"', (citation, expected) => {
    expect(formatCitation(citation)).toBe(expected);
  });
});
