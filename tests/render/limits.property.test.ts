import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAnswerForDiscord } from '../../src/render/answer.ts';
import { renderDocumentListForDiscord, renderDocumentOutlineForDiscord } from '../../src/render/documents.ts';
import { embedLength, fitChoices, fitMessage } from '../../src/render/fit.ts';
import { DiscordLimit } from '../../src/render/limits.ts';
import { renderPassageForDiscord } from '../../src/render/passage.ts';
import { boldIsOpen } from '../../src/render/truncate.ts';
import type { MessagePayload } from '../../src/render/types.ts';
import type { Answer, Excerpt } from '../../src/search/types.ts';

/** Strange text: emoji, lone and paired surrogates, markdown, mentions, long runs. */
const strangeText = (maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom('@everyone', '@here', '<@123456789012345678>', '**', '*', '`', '```', '\\', '||', '~~', '_', '> ', '\n# ', '😀', '👩‍👩‍👧', '\uD83D', '\uDE00', '[x](https://e.x)', ' '),
        fc.string({ unit: fc.constantFrom('a', '*', '\\', '`', '😀'), minLength: 100, maxLength: 400 }),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join('').slice(0, maxLength));

const excerptArbitrary: fc.Arbitrary<Excerpt> = fc
  .record({
    text: fc.oneof(strangeText(600), strangeText(5000), fc.constant('x'.repeat(5000))),
    title: strangeText(400),
    section: strangeText(300),
    passageId: fc.oneof(fc.string({ maxLength: 30 }), fc.string({ maxLength: 150 })),
    url: fc.option(fc.oneof(fc.webUrl(), fc.string()), { nil: undefined }),
    source: fc.option(strangeText(300), { nil: undefined }),
    spans: fc.array(fc.record({ start: fc.integer({ min: -10, max: 6000 }), end: fc.integer({ min: -10, max: 6000 }) }), { maxLength: 30 }),
  })
  .map(({ text, title, section, passageId, url, source, spans }) => ({
    text,
    citation: { passageId, docId: 'doc', title, section, ...(url === undefined ? {} : { url }), ...(source === undefined ? {} : { source }) },
    score: 1,
    start: 0,
    end: text.length,
    highlights: spans,
    matchedTerms: [],
  }));

const answerArbitrary: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    kind: fc.constant('answered' as const),
    question: strangeText(6000),
    excerpts: fc.array(excerptArbitrary, { minLength: 0, maxLength: 12 }),
    total: fc.integer({ min: 0, max: 100 }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('no-match' as const),
    question: strangeText(6000),
    reason: fc.constant('off-topic' as const),
    message: strangeText(3000),
  }),
);

describe('every rendered payload is within Discord limits', () => {
  it('for any answer, however long or strange its text', () => {
    fc.assert(
      fc.property(answerArbitrary, fc.nat(1000), fc.integer({ min: 1, max: 5 }), fc.boolean(), (answer, offset, limit, isPublic) => {
        const payload = renderAnswerForDiscord(answer, { questionKey: 'abcDEF123456', offset, limit, visibility: isPublic ? 'public' : 'private', sharedBy: '123' });
        expectWithinLimits(fitMessage(payload));
        if (answer.kind === 'no-match') expect(payload.embeds ?? []).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('for any passage and document list', () => {
    fc.assert(
      fc.property(strangeText(6000), strangeText(400), fc.array(strangeText(300), { maxLength: 60 }), fc.nat(40), (text, title, sections, count) => {
        const view = { passage: { id: 'd#1', docId: 'd', section: title, ordinal: 1, start: 0, end: text.length, text }, citation: { passageId: 'd#1', docId: 'd', title, section: title } };
        expectWithinLimits(fitMessage(renderPassageForDiscord(view)));
        const document = { id: title.slice(0, 50), title, file: 'f', passageCount: count, sections };
        expectWithinLimits(fitMessage(renderDocumentOutlineForDiscord(document)));
        expectWithinLimits(fitMessage(renderDocumentListForDiscord(Array.from({ length: count }, () => document))));
      }),
      { numRuns: 60 },
    );
  });

  it('fitChoices keeps at most 25 choices of 1-100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: strangeText(300), value: strangeText(300) }), { maxLength: 60 }), (choices) => {
        const fitted = fitChoices(choices);
        expect(fitted.length).toBeLessThanOrEqual(DiscordLimit.autocompleteChoices);
        for (const choice of fitted) {
          expect(choice.name.length).toBeGreaterThanOrEqual(1);
          expect(choice.name.length).toBeLessThanOrEqual(DiscordLimit.choiceName);
          expect(choice.value.length).toBeGreaterThanOrEqual(1);
          expect(choice.value.length).toBeLessThanOrEqual(DiscordLimit.choiceValue);
          expect(hasSplitSurrogateAtEnds(choice.value)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });
});

function expectWithinLimits(payload: MessagePayload): void {
  const texts: string[] = [];
  if (payload.content !== undefined) {
    expect(payload.content.length).toBeLessThanOrEqual(DiscordLimit.content);
    texts.push(payload.content);
  }
  const embeds = payload.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(DiscordLimit.embedsPerMessage);
  expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(DiscordLimit.embedTotal);
  for (const embed of embeds) {
    expect((embed.title ?? '').length).toBeLessThanOrEqual(DiscordLimit.embedTitle);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(DiscordLimit.embedDescription);
    expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(DiscordLimit.embedFooter);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(DiscordLimit.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DiscordLimit.embedFieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DiscordLimit.embedFieldValue);
      texts.push(field.name, field.value);
    }
    texts.push(embed.title ?? '', embed.description ?? '');
  }
  const rows = payload.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(DiscordLimit.actionRows);
  const ids = rows.flatMap((row) => row.components.map((button) => button.custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of rows) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(DiscordLimit.buttonsPerRow);
    for (const button of row.components) expect((button.custom_id ?? '').length).toBeLessThanOrEqual(DiscordLimit.customId);
  }
  for (const text of texts) {
    expect(boldIsOpen(text), text).toBe(false);
    expect(/(^|[^\\])(\\\\)*\\$/.test(text), `dangling escape in ${JSON.stringify(text.slice(-20))}`).toBe(false);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text.replace(/<@123>$/, '')).not.toMatch(/<@\d/);
  }
}

function hasSplitSurrogateAtEnds(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}
