import type { Document, Section, Span } from './types.ts';
import { buildVocabulary, repairGluedWords, showsCaseGlue, type Vocabulary } from './glue.ts';
import type { Lexicon } from '../text/lexicon.ts';
import { parseBlocks, type Block } from './markdown.ts';
import { normalizeCharacters, unglueInlinePunctuation } from './normalize.ts';

/** What the loader knows of a file before cleaning it. */
export interface SourceText {
  /** Path relative to the corpus folder, with `/` separators. */
  file: string;
  raw: string;
  meta: DocumentMeta;
}

/** Facts about a document given outside its text (sidecar file or front matter). */
export interface DocumentMeta {
  title?: string;
  source?: string;
  url?: string;
}

/**
 * Cleans every source and builds its Document. Cleaning needs the whole corpus
 * at once: the vocabulary of all documents is the evidence for repairing words
 * that lost their spaces.
 */
export function buildDocuments(sources: readonly SourceText[], lexicon: Lexicon): Document[] {
  const normalized = sources.map((source) => normalizeCharacters(source.raw));
  const vocabulary = buildVocabulary(normalized);
  const ids = new Set<string>();
  return sources.map((source, i) => {
    const id = uniqueSlug(slugFromFile(source.file), ids);
    return buildDocument(id, source, normalized[i]!, lexicon, vocabulary);
  });
}

/** `reports/2024 Q1.md` becomes `reports-2024-q1`. */
export function slugFromFile(file: string): string {
  const slug = file
    .replace(/\.[^./]+$/, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'document';
}

function buildDocument(id: string, source: SourceText, normalized: string, lexicon: Lexicon, vocabulary: Vocabulary): Document {
  const parsed = parseBlocks(normalized).map((block) => ({ ...block, text: unglueInlinePunctuation(block.text) }));
  // Only a document that shows glue by a case change had its links stripped;
  // elsewhere a run that reads as two words is a compound or a rare name.
  const caseGlue = showsCaseGlue(
    parsed.map((block) => block.text),
    lexicon,
    vocabulary,
  );
  // No case glue found: the only repair left would be dictionary splits, which are not trusted here.
  const blocks = dropRepeatedBlocks(caseGlue ? parsed.map((block) => ({ ...block, text: repairGluedWords(block.text, lexicon, vocabulary) })) : parsed);
  const classified = classifyPlainHeadings(blocks);
  const leading = takeTitle(classified, source);
  const body = leading.body;
  let text = '';
  const paragraphs: Span[] = [];
  const sections: Section[] = [];
  for (const block of body) {
    if (text) text += '\n\n';
    const start = text.length;
    text += block.text;
    if (block.kind === 'heading') {
      const last = sections.at(-1);
      if (last) last.end = start;
      sections.push({ heading: block.text, start, end: -1 });
    } else {
      paragraphs.push({ start, end: text.length });
    }
  }
  const last = sections.at(-1);
  if (last) last.end = text.length;
  return {
    id,
    title: leading.title,
    ...(source.meta.source ? { source: source.meta.source } : {}),
    ...(source.meta.url ? { url: source.meta.url } : {}),
    file: source.file,
    text,
    paragraphs,
    sections,
  };
}

/** The document's title: given in its metadata, its first line when that reads as a title, or its file name. */
function takeTitle(blocks: Block[], source: SourceText): { title: string; body: Block[] } {
  const first = blocks[0];
  const firstIsTitle = first !== undefined && (first.kind === 'heading' ? first.level <= 1 || blocks[1]?.kind !== 'heading' : false);
  const given = source.meta.title?.trim();
  if (firstIsTitle && (!given || sameText(given, first.text))) return { title: given ?? first.text, body: blocks.slice(1) };
  if (given) return { title: given, body: blocks };
  return { title: titleFromFile(source.file), body: blocks };
}

/** Scraped pages often print their title twice; a block equal to the one before it adds nothing. */
function dropRepeatedBlocks(blocks: Block[]): Block[] {
  return blocks.filter((block, i) => i === 0 || !sameText(block.text, blocks[i - 1]!.text));
}

/**
 * In plain text a heading is a short line, before a paragraph, that does not
 * read as a sentence: no closing comma or full stop, or written in title case.
 */
function classifyPlainHeadings(blocks: Block[]): Block[] {
  const multiLine = blocks.length > 2;
  return blocks.map((block, i) => {
    if (block.kind === 'heading' || !multiLine) return block;
    const next = blocks[i + 1];
    if (next?.kind !== 'paragraph' || !looksLikeHeading(block.text)) return block;
    return { kind: 'heading', level: 2, text: block.text.replace(/:$/, '') };
  });
}

const LOWER_TITLE_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'nor', 'of', 'on', 'or', 'the', 'to', 'vs', 'with']);

function looksLikeHeading(line: string): boolean {
  const words = line.split(' ');
  if (line.length > 120 || words.length > 16) return false;
  if (/[,;]$/.test(line)) return false;
  const content = words.filter((w) => /\p{L}/u.test(w) && !LOWER_TITLE_WORDS.has(w.toLowerCase()));
  const capitalised = content.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  const titleCase = content.length >= 2 && capitalised / content.length >= 0.75;
  if (/[.!]$/.test(line)) return titleCase && words.length <= 10;
  return titleCase || (words.length <= 6 && !/[.!?]/.test(line));
}

function titleFromFile(file: string): string {
  const base = file.split('/').pop()!.replace(/\.[^.]+$/, '');
  const words = base.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : file;
}

function sameText(a: string, b: string): boolean {
  const simplify = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return simplify(a) === simplify(b);
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}
