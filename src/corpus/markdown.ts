/**
 * Turns text that may carry Markdown (even a whole article on one line) into
 * headings and paragraphs of plain text. Tables of contents and horizontal
 * rules are dropped: they must never come back as an excerpt.
 */

export type Block = { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; text: string };

/** Splits normalized text into Markdown-aware blocks; plain lines become paragraphs. */
export function parseBlocks(text: string): Block[] {
  const tocTitles = collectAnchorLinkTexts(text);
  const blocks: Block[] = [];
  for (const rawLine of breakInlineStructure(text).split('\n')) {
    const line = rawLine.trim();
    if (line === '' || isRule(line) || isTableOfContents(line)) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const [title, rest] = splitHeadingFromBody(stripInline(heading[2]!), tocTitles);
      if (title) blocks.push({ kind: 'heading', level: heading[1]!.length, text: title });
      if (rest) blocks.push({ kind: 'paragraph', text: rest });
      continue;
    }
    const plain = stripInline(stripListMarker(line));
    if (plain) blocks.push({ kind: 'paragraph', text: plain });
  }
  return blocks;
}

/** Removes inline Markdown and HTML, keeping the words a reader sees. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s("])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?=[\s).,;:!?"]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Puts inline headings (` ### Title`) and rules (` --- `) of one-line documents on lines of their own. */
function breakInlineStructure(text: string): string {
  return text
    .replace(/ +(?=#{1,6} +\S)/g, '\n')
    .replace(/(^|\s)([-*_])(?: *\2){2,}(?=\s|$)/g, '\n\n')
    .replace(/(\S) +(?=\*\*(?:Table of )?Contents\*\*)/gi, '$1\n');
}

function isRule(line: string): boolean {
  return /^([-*_=])(?:\s*\1){2,}$/.test(line);
}

/** A line that is mostly links to anchors in the same page, or just "Contents". */
function isTableOfContents(line: string): boolean {
  const links = line.match(/\[[^\]]+\]\(#[^)]*\)/g) ?? [];
  const rest = line
    .replace(/\[[^\]]+\]\(#[^)]*\)/g, '')
    .replace(/\b(table of )?contents\b/gi, '')
    .replace(/[\d.*\-•:#\s]/g, '');
  if (links.length >= 2) return rest.length < 20;
  return /^[#*\s]*(table of )?contents[*:\s]*$/i.test(line);
}

function collectAnchorLinkTexts(text: string): string[] {
  const titles = [...text.matchAll(/\[([^\]]+)\]\(#[^)]*\)/g)].map((m) => stripInline(m[1]!));
  return titles.sort((a, b) => b.length - a.length);
}

function stripListMarker(line: string): string {
  return line.replace(/^(?:[•◦▪·*+\-–]|\d{1,2}[.)])\s+/, '');
}

/**
 * In one-line documents a heading runs straight into its first paragraph:
 * `### Naval Drills and Proposed Exercises A significant indicator...`. The
 * table of contents names the heading exactly when there is one; otherwise the
 * heading is the run of title-case words, less the capitalised first word of
 * the paragraph that follows it.
 */
function splitHeadingFromBody(line: string, tocTitles: readonly string[]): [string, string] {
  const known = tocTitles.find((title) => line.startsWith(title));
  if (known) return [known, line.slice(known.length).trim()];
  if (line.length <= 120 && !/[.!?]\s+\p{Lu}/u.test(line)) return [line, ''];
  const words = line.split(' ');
  let end = 0;
  while (end < words.length && isTitleWord(words[end]!) && end < 20) {
    end++;
    if (/[?!]$/.test(words[end - 1]!)) return [words.slice(0, end).join(' '), words.slice(end).join(' ')];
  }
  const cut = end < words.length ? Math.max(1, end - 1) : end;
  return [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
}

const TITLE_FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

function isTitleWord(word: string): boolean {
  const letters = word.replace(/^[^\p{L}\p{N}]+/u, '');
  if (letters === '') return true;
  return /^[\p{Lu}\p{N}]/u.test(letters) || TITLE_FUNCTION_WORDS.has(letters.toLowerCase());
}
