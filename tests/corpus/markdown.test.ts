import { describe, expect, it } from 'vitest';
import { parseBlocks, stripInline } from '../../src/corpus/markdown.ts';

const ONE_LINE_ARTICLE =
  '**The landscape is shifting fast.** Analysts disagree about why. --- **Table of Contents** ' +
  '1. [Naval Drills: A New Front](#naval-drills-a-new-front) 2. [Arms Transfers](#arms-transfers) --- ' +
  '### Naval Drills: A New Front China and Russia held exercises in the Gulf of Oman. They were large. ' +
  '### Arms Transfers North Korea sent shells by rail.';

describe('parseBlocks', () => {
  it('cuts a whole article written on one line into headings and paragraphs', () => {
    expect(parseBlocks(ONE_LINE_ARTICLE)).toEqual([
      { kind: 'paragraph', text: 'The landscape is shifting fast. Analysts disagree about why.' },
      { kind: 'heading', level: 3, text: 'Naval Drills: A New Front' },
      { kind: 'paragraph', text: 'China and Russia held exercises in the Gulf of Oman. They were large.' },
      { kind: 'heading', level: 3, text: 'Arms Transfers' },
      { kind: 'paragraph', text: 'North Korea sent shells by rail.' },
    ]);
  });

  it('never lets the table of contents or a rule come back as text', () => {
    const text = parseBlocks(ONE_LINE_ARTICLE)
      .map((block) => block.text)
      .join('\n');
    for (const leftover of ['](#', 'Table of Contents', '---', '**', '###']) expect(text).not.toContain(leftover);
  });

  it('without a table of contents, ends an inline heading where the title-case words stop', () => {
    const blocks = parseBlocks(
      'Some introduction comes first. ### Naval Drills and Proposed Exercises A significant indicator of this burgeoning military cooperation is the series of joint naval exercises held in the Gulf of Oman.',
    );
    expect(blocks[1]).toEqual({ kind: 'heading', level: 3, text: 'Naval Drills and Proposed Exercises' });
    expect(blocks[2]?.text).toMatch(/^A significant indicator/);
  });

  it('ends an inline heading at its question mark', () => {
    const blocks = parseBlocks(
      'Intro. ### Is the Threat Overstated? While the trend of deepening cooperation is undeniable and concerning, it is also worth asking how deep it really goes in practice.',
    );
    expect(blocks[1]).toEqual({ kind: 'heading', level: 3, text: 'Is the Threat Overstated?' });
  });

  it.each([
    ['a bullet', '• Drone tactics: swarms'],
    ['a dash item', '- Drone tactics: swarms'],
    ['a star item', '* Drone tactics: swarms'],
    ['a numbered item', '1. Drone tactics: swarms'],
  ])('removes the marker of %s', (_case, line) => {
    expect(parseBlocks(line)).toEqual([{ kind: 'paragraph', text: 'Drone tactics: swarms' }]);
  });

  it.each([['---'], ['* * *'], ['___'], ['Table of Contents'], ['**Contents**']])('drops the line "%s"', (line) => {
    expect(parseBlocks(`Before.\n${line}\nAfter.`)).toEqual([
      { kind: 'paragraph', text: 'Before.' },
      { kind: 'paragraph', text: 'After.' },
    ]);
  });

  it('keeps a hyphenated word and a number range that are not rules', () => {
    expect(parseBlocks('A well-known 2022-2024 trend')).toEqual([{ kind: 'paragraph', text: 'A well-known 2022-2024 trend' }]);
  });
});

describe('stripInline', () => {
  it.each([
    ['bold', 'a **bold** claim', 'a bold claim'],
    ['underscore bold', 'a __bold__ claim', 'a bold claim'],
    ['emphasis', 'an *important* point', 'an important point'],
    ['a link', 'see [the report](https://example.com/a(b)) now', 'see the report now'],
    ['an image', 'before ![chart](chart.png) after', 'before after'],
    ['HTML tags', 'a <b>tagged</b> word', 'a tagged word'],
    ['inline code', 'run `npm test` now', 'run npm test now'],
    ['a stray double star', 'unbalanced ** marker', 'unbalanced marker'],
  ])('strips %s and keeps the words', (_case, text, expected) => {
    expect(stripInline(text)).toBe(expected);
  });

  it('keeps an asterisk used as multiplication or a footnote mark', () => {
    expect(stripInline('3 * 4 = 12')).toBe('3 * 4 = 12');
  });
});
