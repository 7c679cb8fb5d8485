import { splitSentences } from '../text/sentences.ts';
import type { Document, Passage, Span } from './types.ts';

export interface SplitOptions {
  /**
   * A paragraph up to this long is one passage; a longer one becomes
   * overlapping windows of whole sentences.
   * @default 900
   */
  maxPassageChars?: number;
  /**
   * Target length of a sentence window cut from a long paragraph.
   * @default 600
   */
  windowChars?: number;
  /**
   * Paragraphs shorter than this are joined to the next one in the same section.
   * @default 160
   */
  minPassageChars?: number;
}

export type ResolvedSplitOptions = Required<SplitOptions>;

export const defaultSplitOptions: ResolvedSplitOptions = {
  maxPassageChars: 900,
  windowChars: 600,
  minPassageChars: 160,
};

/**
 * Cuts a document into passages with stable ids (`doc#1`, `doc#2`, ...) and
 * offsets into its cleaned text. Ids depend only on the document's text, so
 * indexing the same file again gives the same ids.
 */
export function splitIntoPassages(document: Document, options: SplitOptions = {}): Passage[] {
  const settings = { ...defaultSplitOptions, ...options };
  const spans = mergeShortParagraphs(document, settings.minPassageChars).flatMap((span) =>
    span.end - span.start <= settings.maxPassageChars ? [span] : sentenceWindows(document.text, span, settings.windowChars),
  );
  return spans.map((span, i) => ({
    id: `${document.id}#${i + 1}`,
    docId: document.id,
    section: sectionAt(document, span.start),
    ordinal: i + 1,
    start: span.start,
    end: span.end,
    text: document.text.slice(span.start, span.end),
  }));
}

/** The heading of the section that contains the offset, or '' before the first heading. */
export function sectionAt(document: Document, offset: number): string {
  let heading = '';
  for (const section of document.sections) {
    if (section.start > offset) break;
    heading = section.heading;
  }
  return heading;
}

function mergeShortParagraphs(document: Document, minChars: number): Span[] {
  const merged: Span[] = [];
  let pending: Span | undefined;
  for (const paragraph of document.paragraphs) {
    if (pending && sectionAt(document, pending.start) !== sectionAt(document, paragraph.start)) {
      merged.push(pending);
      pending = undefined;
    }
    const span = { start: pending?.start ?? paragraph.start, end: paragraph.end };
    pending = span.end - span.start < minChars ? span : undefined;
    if (!pending) merged.push(span);
  }
  if (pending) merged.push(pending);
  return merged;
}

/** Windows of consecutive sentences about `windowChars` long; each starts halfway into the one before. */
function sentenceWindows(text: string, span: Span, windowChars: number): Span[] {
  const sentences = splitSentences(text.slice(span.start, span.end), span.start);
  if (sentences.length <= 1) return [span];
  const windows: Span[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1]!.end - sentences[first]!.start <= windowChars) last++;
    windows.push({ start: sentences[first]!.start, end: sentences[last]!.end });
    if (last === sentences.length - 1) break;
    const half = sentences[first]!.start + (sentences[last]!.end - sentences[first]!.start) / 2;
    let next = first + 1;
    while (next < last && sentences[next]!.start < half) next++;
    first = next;
  }
  return windows;
}
