import { describe, expect, it } from 'vitest';
import { normalizeCharacters, unglueInlinePunctuation } from '../../src/corpus/normalize.ts';

describe('normalizeCharacters', () => {
  it('turns a literal backslash-n written after a sentence into a real line break', () => {
    expect(normalizeCharacters('The war went on.\\nAccording to one expert, it will last.')).toBe(
      'The war went on.\nAccording to one expert, it will last.',
    );
  });

  it('turns a single-line file with literal \\n\\n into separate paragraphs', () => {
    const lines = normalizeCharacters('First paragraph.\\n\\nSecond paragraph.\\n\\nThird one').split('\n');
    expect(lines.filter((line) => line !== '')).toEqual(['First paragraph.', 'Second paragraph.', 'Third one']);
  });

  it.each([
    ['a word starting with n after a backslash', 'a \\naive reading of the \\nuclear deal'],
    ['a Windows path', 'saved in C:\\\\new\\\\notes'],
  ])('keeps %s as written', (_case, text) => {
    expect(normalizeCharacters(text)).toBe(text);
  });

  it.each([
    ['curly double quotes', 'He said \u201cno\u201d.', 'He said "no".'],
    ['curly apostrophe', 'Russia\u2019s war', "Russia's war"],
    ['left single quote', '\u2018axis\u2019', "'axis'"],
    ['runs of spaces', 'too    many   spaces', 'too many spaces'],
    ['tabs and non-breaking spaces', 'a\t\tb\u00A0\u00A0c', 'a b c'],
    ['zero-width characters inside words', 'Ala\u200Bbuga', 'Alabuga'],
    ['a leading byte-order mark', '\uFEFFTitle', 'Title'],
    ['Windows line endings', 'one\r\ntwo', 'one\ntwo'],
    ['an ellipsis character', 'and then\u2026', 'and then...'],
  ])('repairs %s', (_case, raw, expected) => {
    expect(normalizeCharacters(raw)).toBe(expected);
  });
});

describe('unglueInlinePunctuation', () => {
  it.each([
    ['a colon glued to the next sentence', 'Strategic implication:We are facing', 'Strategic implication: We are facing'],
    ['an opening quote glued to the word before', 'the birth of a new"Axis of Arsenals": a trilateral', 'the birth of a new "Axis of Arsenals": a trilateral'],
    ['a bracket glued to a compound', 'tooling for the Geran-2(the Russian name)', 'tooling for the Geran-2 (the Russian name)'],
    ['a full stop glued to the next sentence', 'the war.The next year', 'the war. The next year'],
    ['a comma glued between words', 'weapons,while shells', 'weapons, while shells'],
    // Each mark is judged by the letters around it, so a run of glued marks is spaced throughout.
    ['a list glued at every comma', 'tanks,drones,missiles', 'tanks, drones, missiles'],
    ['questions glued one after another', 'Why?Who?What', 'Why? Who? What'],
  ])('separates %s', (_case, line, expected) => {
    expect(unglueInlinePunctuation(line)).toBe(expected);
  });

  it.each([
    ['a thousands separator', 'over 3,700 drones'],
    ['a time of day', 'at 10:30 on Wednesday'],
    ['an abbreviation with dots', 'the U.S. and the U.K. agreed'],
    ['a decimal number', 'grew 3.5 percent'],
    ['a web address', 'see www.example.Com for details'],
    ['a quotation that is already spaced', 'he said "no" and left'],
  ])('leaves %s untouched', (_case, line) => {
    expect(unglueInlinePunctuation(line)).toBe(line);
  });
});
