import type { HighlightSpan } from '../search/types.ts';
import { escapeMarkdown, neutraliseMentions } from './escape.ts';
import { truncateText } from './truncate.ts';

/**
 * Escapes excerpt text and puts its highlighted spans in bold, within `max` characters.
 * Spans are clipped to the text, merged when they touch or overlap, and never split a
 * surrogate pair; text is escaped piece by piece so the bold markers are the only markup.
 */
export function highlightText(text: string, highlights: readonly HighlightSpan[], max: number): string {
  let rendered = '';
  let position = 0;
  for (const span of normaliseSpans(text, highlights)) {
    rendered += escapeMarkdown(text.slice(position, span.start));
    const inner = escapeMarkdown(text.slice(span.start, span.end));
    rendered += /^\s|\s$/.test(inner) || inner === '' ? inner : `**${inner}**`;
    position = span.end;
  }
  rendered += escapeMarkdown(text.slice(position));
  // Mentions are broken once, in the whole: pieces escaped apart can join into one ("@" + "everyone").
  return truncateText(neutraliseMentions(rendered), max);
}

/** Sorted, clipped spans on code-point boundaries, merged when they overlap or only spaces part them. */
export function normaliseSpans(text: string, highlights: readonly HighlightSpan[]): HighlightSpan[] {
  const clipped = highlights
    .filter((span) => Number.isFinite(span.start) && Number.isFinite(span.end))
    .map((span) => ({
      start: onBoundary(text, Math.max(0, Math.min(text.length, Math.floor(span.start)))),
      end: onBoundary(text, Math.max(0, Math.min(text.length, Math.floor(span.end)))),
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: HighlightSpan[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && (span.start <= last.end || /^[ \t]+$/.test(text.slice(last.end, span.start)))) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Moves an index off the middle of a surrogate pair. */
function onBoundary(text: string, index: number): number {
  const previous = text.charCodeAt(index - 1);
  const current = text.charCodeAt(index);
  const splitsPair = previous >= 0xd800 && previous <= 0xdbff && current >= 0xdc00 && current <= 0xdfff;
  return splitsPair ? index - 1 : index;
}
