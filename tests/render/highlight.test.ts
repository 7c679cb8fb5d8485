import { describe, expect, it } from 'vitest';
import { highlightText } from '../../src/render/highlight.ts';

describe('highlightText', () => {
  it('never lets escaped pieces join into a mention again', () => {
    // Found by the payload-limits property: "@" and an unbolded "everyone\n" were escaped apart.
    const rendered = highlightText('@everyone\n# ', [{ start: 1, end: 10 }], 2000);
    expect(rendered).not.toMatch(/@(everyone|here)/);
    expect(rendered).toContain('everyone');
  });
});
