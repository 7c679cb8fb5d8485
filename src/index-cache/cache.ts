import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CorpusWarning, Document, Passage } from '../corpus/types.ts';
import { indexFromParts, miniSearchOptions, type IndexedPassage, type SearchIndex } from '../search/index-build.ts';
import type { ForwardIndex } from '../search/forward-index.ts';
import type { AcronymTable } from '../search/acronyms.ts';
import { knowsMiniSearchLayout, restoreMiniSearch } from '../search/minisearch-internals.ts';
import type { PostingTable } from '../search/postings.ts';
import { vocabularyFrom } from '../search/vocabulary.ts';
import { INDEX_FORMAT_VERSION } from './fingerprint.ts';
import { decodeContainer, encodeContainer, peekContainerHeader, readContainerHeader, type Container, type Section } from './container.ts';

export type CacheLoad = { kind: 'loaded'; index: SearchIndex; warnings: CorpusWarning[] } | { kind: 'rebuild'; reason: string };

/** Whether a cache file is fresh, told from its header alone, with what the header says of the index. */
export type CacheCheck =
  | { kind: 'fresh'; documentCount: number; passageCount: number; warnings: CorpusWarning[] }
  | { kind: 'rebuild'; reason: string };

/** What the first bytes of a cache file's header say (peekIndexCache). */
export type CachePeek = { kind: 'fresh' } | { kind: 'unknown' } | { kind: 'rebuild'; reason: string };

export interface CheckIndexCacheOptions {
  /**
   * Also verify the file's checksum, reading it through without decoding it, so that a
   * truncated or damaged file is stale too. Without it, only the header is read, and such a
   * file is found out when it is loaded (loadIndexCache then asks for a rebuild).
   * @default false
   */
  checksum?: boolean;
}

/**
 * Reads a cache file; any problem (missing, stale, truncated, corrupt, made
 * by another version) is a reason to rebuild, never an exception.
 */
export function loadIndexCache(path: string, fingerprint: string): CacheLoad {
  if (!existsSync(path)) return { kind: 'rebuild', reason: 'no index cache yet' };
  let container: Container | string;
  try {
    container = decodeContainer(readFileSync(path));
  } catch (error) {
    return { kind: 'rebuild', reason: `index cache unreadable or corrupt (${(error as Error).message.slice(0, 80)})` };
  }
  if (typeof container === 'string') return { kind: 'rebuild', reason: container };
  const header = container.header as unknown as CacheHeader;
  const stale = staleness(header, fingerprint);
  if (stale !== undefined) return { kind: 'rebuild', reason: stale };
  try {
    return { kind: 'loaded', index: readIndex(container, header), warnings: header.warnings ?? [] };
  } catch (error) {
    return { kind: 'rebuild', reason: `index cache is incomplete (${(error as Error).message.slice(0, 80)})` };
  }
}

/**
 * Tells whether a cache file holds the index for `fingerprint`, as loadIndexCache would,
 * from its header (and, if asked, its checksum) without decoding the index: for `npm run
 * index` and the sharding parent, which only need the cache fresh. Any problem is a reason
 * to rebuild, never an exception.
 */
export function checkIndexCache(path: string, fingerprint: string, options: CheckIndexCacheOptions = {}): CacheCheck {
  if (!existsSync(path)) return { kind: 'rebuild', reason: 'no index cache yet' };
  try {
    // The checksum means reading the whole file: only for a header that is fresh.
    const read = readContainerHeader(path, { verifyChecksum: (header) => options.checksum === true && staleness(header as unknown as CacheHeader, fingerprint) === undefined });
    if (typeof read === 'string') return { kind: 'rebuild', reason: read };
    const header = read.header as unknown as CacheHeader;
    const stale = staleness(header, fingerprint);
    if (stale !== undefined) return { kind: 'rebuild', reason: stale };
    const passageBytes = read.sectionBytes('passages');
    if (!Array.isArray(header.documents) || passageBytes === undefined) return { kind: 'rebuild', reason: 'index cache is incomplete (its header lists no documents or passages)' };
    return { kind: 'fresh', documentCount: header.documents.length, passageCount: passageBytes / (PASSAGE_FIELDS * Int32Array.BYTES_PER_ELEMENT), warnings: header.warnings ?? [] };
  } catch (error) {
    return { kind: 'rebuild', reason: `index cache unreadable or corrupt (${(error as Error).message.slice(0, 80)})` };
  }
}

/**
 * Whether a cache file holds the index for `fingerprint`, told from the first bytes of its
 * header alone (saveIndexCache writes the format and fingerprint first), in well under a
 * millisecond; 'unknown' when those bytes do not say. A hint for deciding what to keep in
 * memory before a load, which checks everything again.
 */
export function peekIndexCache(path: string, fingerprint: string): CachePeek {
  if (!existsSync(path)) return { kind: 'rebuild', reason: 'no index cache yet' };
  const start = peekContainerHeader(path, HEADER_PEEK_BYTES);
  if (start === undefined) return { kind: 'rebuild', reason: 'not an index cache file (or one from an older version)' };
  const fields = /^\{"format":(\d+),"fingerprint":"([^"\\]*)"/.exec(start);
  if (!fields) return { kind: 'unknown' };
  const stale = staleness({ format: Number(fields[1]), fingerprint: fields[2]! }, fingerprint);
  return stale === undefined ? { kind: 'fresh' } : { kind: 'rebuild', reason: stale };
}

/**
 * Writes the index to a cache file atomically (a temporary file renamed into
 * place). The MiniSearch index is stored as its posting table; document text
 * is stored once, and passages as offsets into it. The acronym table is stored
 * too, read from the passages first if nothing has needed it yet.
 */
export function saveIndexCache(path: string, fingerprint: string, index: SearchIndex, warnings: readonly CorpusWarning[] = []): void {
  const postings = index.postings;
  if (postings === undefined) throw new Error('the MiniSearch index could not be read into a posting table');
  const documents = [...index.documents.values()];
  const documentNumber = new Map(documents.map((document, i) => [document.id, i]));
  const headings = [...new Set(index.passages.map((passage) => passage.section))];
  const headingNumber = new Map(headings.map((heading, i) => [heading, i]));
  const passages = new Int32Array(index.passages.length * PASSAGE_FIELDS);
  index.passages.forEach((passage, i) => {
    passages.set([documentNumber.get(passage.docId)!, headingNumber.get(passage.section)!, passage.ordinal, passage.start, passage.end], i * PASSAGE_FIELDS);
  });
  const header: CacheHeader = {
    // These two first: peekIndexCache reads them from the file's first bytes.
    format: INDEX_FORMAT_VERSION,
    fingerprint,
    createdAt: new Date().toISOString(),
    documents: documents.map(({ text, ...rest }) => ({ ...rest, textLength: text.length })),
    headings,
    aliases: index.aliases,
    warnings: [...warnings],
    boost: index.boost,
    postings: { fieldIds: postings.fieldIds, averageFieldLength: postings.averageFieldLength, documentCount: postings.documentCount },
    maxSentenceChars: index.forward.maxSentenceChars,
  };
  const { maxSentenceChars: _, ...forward } = index.forward;
  const sections: Record<string, Section> = {
    text: documents.map((document) => document.text).join(''),
    passages,
    terms: index.vocabulary.data.terms.join('\n'),
    frequencies: index.vocabulary.data.frequencies,
    surfaceForms: index.vocabulary.data.surfaceForms.join('\n'),
    writtenForms: index.vocabulary.data.writtenForms.join('\n'),
    writtenFrequencies: index.vocabulary.data.writtenFrequencies,
    ...prefixed('forward.', forward),
    // Read from the passages now if no question has needed it yet, so that a process loading the cache never does.
    'acronyms.initials': [...index.acronyms.keys()].join('\n'),
    'acronyms.phrases': [...index.acronyms.values()].join('\n'),
    'postings.runs': postings.runs,
    'postings.postings': postings.postings,
    'postings.fieldLengths': postings.fieldLengths,
  };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const file = openSync(temporary, 'w');
  try {
    for (const part of encodeContainer(header as unknown as Record<string, unknown>, sections)) writeSync(file, part);
  } finally {
    closeSync(file);
  }
  renameSync(temporary, path);
}

/** What the JSON header of a cache file holds; the bulk is in binary sections. */
interface CacheHeader {
  format: number;
  fingerprint: string;
  createdAt: string;
  /** Documents without their text, which is the `text` section cut at these lengths. */
  documents: (Omit<Document, 'text'> & { textLength: number })[];
  /** Section headings of passages, numbered as in the `passages` section. */
  headings: string[];
  aliases: SearchIndex['aliases'];
  /** Files the build skipped or reported, so a warm start still names them. */
  warnings: CorpusWarning[];
  boost: SearchIndex['boost'];
  /** The posting table besides its arrays. */
  postings: Pick<PostingTable, 'fieldIds' | 'averageFieldLength' | 'documentCount'>;
  maxSentenceChars: number;
}

/** Per passage in the `passages` section: document number, heading number, ordinal, start, end. */
const PASSAGE_FIELDS = 5;

/** Enough of a header for its format and fingerprint, which saveIndexCache writes first. */
const HEADER_PEEK_BYTES = 256;

/** Why a cache with this header cannot serve `fingerprint`, or undefined when it can. */
function staleness(header: Pick<CacheHeader, 'format' | 'fingerprint'>, fingerprint: string): string | undefined {
  if (header.format !== INDEX_FORMAT_VERSION || header.fingerprint !== fingerprint) return 'corpus or settings changed since the index cache was built';
  if (!knowsMiniSearchLayout()) return 'this version of MiniSearch cannot load the index cache';
  return undefined;
}

function readIndex(container: Container, header: CacheHeader): SearchIndex {
  const text = container.text('text');
  let at = 0;
  const documents = new Map<string, Document>();
  for (const { textLength, ...rest } of header.documents) {
    documents.set(rest.id, { ...rest, text: text.slice(at, at + textLength) });
    at += textLength;
  }
  const ordered = [...documents.values()];
  const table = container.int32('passages');
  const passages: Passage[] = [];
  for (let i = 0; i < table.length; i += PASSAGE_FIELDS) {
    const document = ordered[table[i]!]!;
    const [ordinal, start, end] = [table[i + 2]!, table[i + 3]!, table[i + 4]!];
    passages.push({ id: `${document.id}#${ordinal}`, docId: document.id, section: header.headings[table[i + 1]!]!, ordinal, start, end, text: document.text.slice(start, end) });
  }
  const postings: PostingTable = {
    ...header.postings,
    runs: container.int32('postings.runs'),
    postings: container.int32('postings.postings'),
    fieldLengths: container.int32('postings.fieldLengths'),
  };
  const forward: ForwardIndex = {
    maxSentenceChars: header.maxSentenceChars,
    passageSentences: container.int32('forward.passageSentences'),
    sentenceStarts: container.int32('forward.sentenceStarts'),
    sentenceEnds: container.int32('forward.sentenceEnds'),
    sentenceTerms: container.int32('forward.sentenceTerms'),
    terms: container.int32('forward.terms'),
    sentenceHints: container.int32('forward.sentenceHints'),
    hints: container.int32('forward.hints'),
  };
  // Written forms are tokens, which hold no line break: a line each.
  const writtenForms = splitLines(container.text('writtenForms'));
  const writtenFrequencies = container.int32('writtenFrequencies');
  if (writtenForms.length !== writtenFrequencies.length) throw new Error(`written-word table has ${writtenForms.length} words but ${writtenFrequencies.length} counts`);
  const vocabulary = vocabularyFrom({
    terms: splitLines(container.text('terms')),
    frequencies: container.int32('frequencies'),
    surfaceForms: splitLines(container.text('surfaceForms')),
    writtenForms,
    writtenFrequencies,
  });
  const miniSearch = () => restoreMiniSearch<IndexedPassage>(miniSearchOptions(), postings, vocabulary.data.terms)!;
  return indexFromParts({ miniSearch, postings, documents, passages, vocabulary, forward, aliases: header.aliases, boost: header.boost, acronyms: acronymTableFrom(container) });
}

/** The acronym table from its two sections: initials and phrases, a line each, in the same order (neither holds a line break). */
function acronymTableFrom(container: Container): AcronymTable {
  const initials = splitLines(container.text('acronyms.initials'));
  const phrases = splitLines(container.text('acronyms.phrases'));
  if (initials.length !== phrases.length) throw new Error(`acronym table has ${initials.length} initials but ${phrases.length} phrases`);
  return new Map(initials.map((letters, i) => [letters, phrases[i]!]));
}

function prefixed(prefix: string, sections: Record<string, Section>): Record<string, Section> {
  return Object.fromEntries(Object.entries(sections).map(([name, section]) => [prefix + name, section]));
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}
