import { describe, expect, it } from 'vitest';
import { escapeDiscordText, ZERO_WIDTH_SPACE as Z } from '../../src/render/escape.ts';
import { boldIsOpen, truncateText } from '../../src/render/truncate.ts';

describe('escapeDiscordText', () => {
  it.each([
    ['plain words stay as they are', 'Shahed drones', 'Shahed drones'],
    ['bold and italics are escaped', '**big** _it_', '\\*\\*big\\*\\* \\_it\\_'],
    ['code and spoilers are escaped', '`x` ||y||', '\\`x\\` \\|\\|y\\|\\|'],
    ['a backslash is escaped first', 'a\\b', 'a\\\\b'],
    ['headings, lists and quotes at line start are escaped', '# Title\n- item\n> quote\n1. one', '\\# Title\n\\- item\n\\> quote\n\\1. one'],
    ['masked links are broken', '[click](https://x.y)', '\\[click\\](https://x.y)'],
    ['@everyone and @here cannot ping', 'hi @everyone and @here', `hi @${Z}everyone and @${Z}here`],
    ['user, role and channel mentions are broken', '<@123> <@&4> <#5>', `\\<${Z}@123\\> \\<${Z}@&4\\> \\<${Z}#5\\>`],
    ['a hyphen inside a line is left alone', 'Shahed-136', 'Shahed-136'],
  ])('%s', (_, input, expected) => {
    expect(escapeDiscordText(input)).toBe(expected);
  });
});

describe('truncateText', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateText('short', 10)).toBe('short');
  });

  it('ends a cut with an ellipsis within the limit', () => {
    expect(truncateText('abcdefghij', 5)).toBe('abcd…');
  });

  it.each([
    ['never splits a surrogate pair', `${'a'.repeat(3)}😀😀😀`, 7, 'aaa😀…'],
    ['never leaves a dangling escape', 'abc\\*def', 5, 'abc…'],
    ['closes bold it cut open', 'a **bold words here**', 12, 'a **bold**…'],
    ['drops a bold marker with nothing after it', 'abcdef **bold**', 10, 'abcdef…'],
    ['drops half of a cut bold marker', 'abcdef**xy**', 10, 'abcdef…'],
  ])('%s', (_, input, max, expected) => {
    const result = truncateText(input, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
    expect(boldIsOpen(result)).toBe(false);
  });

  it('handles limits smaller than the ellipsis', () => {
    expect(truncateText('abcdef', 0)).toBe('');
    expect(truncateText('abcdef', 1)).toBe('…');
  });
});
