import { ELLIPSIS } from './limits.ts';

/**
 * Shortens rendered text to at most `max` UTF-16 units, ending with an ellipsis. The cut never
 * splits a surrogate pair, never leaves a dangling backslash escape or a half `**` marker, and
 * closes bold text it cut open. Text that fits is returned unchanged.
 */
export function truncateText(text: string, max: number, marker: string = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max <= marker.length) return safePrefix(marker, max);
  const reserve = marker.length + (text.includes('**') ? 2 : 0);
  let kept = trimDanglingMarkup(safePrefix(text, Math.max(0, max - reserve)));
  if (boldIsOpen(kept)) {
    kept = kept.replace(/\s+$/, '');
    kept = kept.endsWith('**') && boldIsOpen(kept.slice(0, -2)) === false ? kept.slice(0, -2) : `${kept}**`;
  }
  const result = `${kept}${marker}`;
  return result.length <= max ? result : safePrefix(result, max);
}

/** Replaces lone surrogates (invalid UTF-16, which JSON cannot carry as text) with U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The first `length` units of `text`, one shorter when the cut would split a surrogate pair. */
export function safePrefix(text: string, length: number): string {
  if (length <= 0) return '';
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, length - 1) : text.slice(0, length);
}

/** True when the text has an unescaped `**` without its closing pair. */
export function boldIsOpen(text: string): boolean {
  let open = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i];
    if (character === '\\') i += 1;
    else if (character === '*' && text[i + 1] === '*') {
      open = !open;
      i += 1;
    }
  }
  return open;
}

/** Drops trailing spaces, a trailing odd backslash and a trailing unescaped single `*` (half of a cut `**`). */
function trimDanglingMarkup(text: string): string {
  let result = text;
  for (;;) {
    if (/\s$/.test(result)) {
      result = result.replace(/\s+$/, '');
      continue;
    }
    const trailingBackslashes = /\\*$/.exec(result)?.[0].length ?? 0;
    if (trailingBackslashes % 2 === 1) {
      result = result.slice(0, -1);
      continue;
    }
    if (result.endsWith('*') && !result.endsWith('**') && trailingBackslashesBefore(result, result.length - 1) % 2 === 0) {
      result = result.slice(0, -1);
      continue;
    }
    return result;
  }
}

function trailingBackslashesBefore(text: string, index: number): number {
  let count = 0;
  while (index - count - 1 >= 0 && text[index - count - 1] === '\\') count += 1;
  return count;
}
