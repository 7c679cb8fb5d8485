import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CorpusWarning, Document, Passage } from '../corpus/types.ts';
import { indexFromParts, miniSearchOptions, type IndexedPassage, type SearchIndex } from '../search/index-build.ts';
import type { ForwardIndex } from '../search/forward-index.ts';
import { restoreMiniSearch, type MiniSearchShape } from '../search/minisearch-internals.ts';
import { vocabularyFrom } from '../search/vocabulary.ts';
import { INDEX_FORMAT_VERSION } from './fingerprint.ts';
import { decodeContainer, encodeContainer, type Container, type Section } from './container.ts';

export type CacheLoad = { kind: 'loaded'; index: SearchIndex; warnings: CorpusWarning[] } | { kind: 'rebuild'; reason: string };

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
  if (header.format !== INDEX_FORMAT_VERSION || header.fingerprint !== fingerprint) {
    return { kind: 'rebuild', reason: 'corpus or settings changed since the index cache was built' };
  }
  try {
    const index = readIndex(container, header);
    return index ? { kind: 'loaded', index, warnings: header.warnings ?? [] } : { kind: 'rebuild', reason: 'this version of MiniSearch cannot load the index cache' };
  } catch (error) {
    return { kind: 'rebuild', reason: `index cache is incomplete (${(error as Error).message.slice(0, 80)})` };
  }
}

/**
 * Writes the index to a cache file atomically (a temporary file renamed into
 * place). The MiniSearch index is taken from its public `toJSON()` and stored
 * as arrays; document text is stored once, and passages as offsets into it.
 */
export function saveIndexCache(path: string, fingerprint: string, index: SearchIndex, warnings: readonly CorpusWarning[] = []): void {
  const documents = [...index.documents.values()];
  const documentNumber = new Map(documents.map((document, i) => [document.id, i]));
  const headings = [...new Set(index.passages.map((passage) => passage.section))];
  const headingNumber = new Map(headings.map((heading, i) => [heading, i]));
  const passages = new Int32Array(index.passages.length * PASSAGE_FIELDS);
  index.passages.forEach((passage, i) => {
    passages.set([documentNumber.get(passage.docId)!, headingNumber.get(passage.section)!, passage.ordinal, passage.start, passage.end], i * PASSAGE_FIELDS);
  });
  const miniSearch = encodeMiniSearch(index.miniSearch.toJSON() as unknown as MiniSearchJson);
  const header: CacheHeader = {
    format: INDEX_FORMAT_VERSION,
    fingerprint,
    createdAt: new Date().toISOString(),
    documents: documents.map(({ text, ...rest }) => ({ ...rest, textLength: text.length })),
    headings,
    aliases: index.aliases,
    warnings: [...warnings],
    boost: index.boost,
    miniSearch: miniSearch.shape,
    maxSentenceChars: index.forward.maxSentenceChars,
  };
  const { maxSentenceChars: _, ...forward } = index.forward;
  const sections: Record<string, Section> = {
    text: documents.map((document) => document.text).join(''),
    passages,
    terms: index.vocabulary.data.terms.join('\n'),
    frequencies: index.vocabulary.data.frequencies,
    surfaceForms: index.vocabulary.data.surfaceForms.join('\n'),
    ...prefixed('forward.', forward),
    ...prefixed('miniSearch.', miniSearch.sections),
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
  miniSearch: MiniSearchShape;
  maxSentenceChars: number;
}

/** Per passage in the `passages` section: document number, heading number, ordinal, start, end. */
const PASSAGE_FIELDS = 5;

function readIndex(container: Container, header: CacheHeader): SearchIndex | undefined {
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
  const miniSearch = decodeMiniSearch(container, header.miniSearch);
  if (miniSearch === undefined) return undefined;
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
  const vocabulary = vocabularyFrom({
    terms: splitLines(container.text('terms')),
    frequencies: container.int32('frequencies'),
    surfaceForms: splitLines(container.text('surfaceForms')),
  });
  return indexFromParts({ miniSearch, documents, passages, vocabulary, forward, aliases: header.aliases, boost: header.boost });
}

/** `toJSON()` output of MiniSearch (serialization version 2). */
interface MiniSearchJson extends MiniSearchShape {
  documentIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  storedFields: Record<string, unknown>;
  index: [string, Record<string, Record<string, number>>][];
  serializationVersion: number;
}

/** MiniSearch's serialized index as arrays: per term and field, a run of (passage, frequency) pairs. */
function encodeMiniSearch(json: MiniSearchJson): { shape: MiniSearchShape; sections: Record<string, Section> } {
  if (json.serializationVersion !== 2 || Object.keys(json.storedFields).length > 0) throw new Error('unexpected MiniSearch serialization');
  const fieldCount = Object.keys(json.fieldIds).length;
  const documentIds = new Int32Array(json.nextId).fill(-1);
  const fieldLengths = new Int32Array(json.nextId * fieldCount);
  for (const [shortId, id] of Object.entries(json.documentIds)) documentIds[Number(shortId)] = id;
  for (const [shortId, lengths] of Object.entries(json.fieldLength)) fieldLengths.set(lengths, Number(shortId) * fieldCount);
  const runs = new Int32Array(json.index.length * fieldCount + 1);
  const postings: number[] = [];
  json.index.forEach(([, fields], t) => {
    for (let field = 0; field < fieldCount; field++) {
      for (const [shortId, frequency] of Object.entries(fields[field] ?? {})) postings.push(Number(shortId), frequency);
      runs[t * fieldCount + field + 1] = postings.length;
    }
  });
  const { documentCount, nextId, fieldIds, averageFieldLength, dirtCount } = json;
  return {
    shape: { documentCount, nextId, fieldIds, averageFieldLength, dirtCount },
    sections: {
      terms: json.index.map(([term]) => term).join('\n'),
      documentIds,
      fieldLengths,
      runs,
      postings: Int32Array.from(postings),
    },
  };
}

function decodeMiniSearch(container: Container, shape: MiniSearchShape) {
  const terms = splitLines(container.text('miniSearch.terms'));
  const runs = container.int32('miniSearch.runs');
  const postings = container.int32('miniSearch.postings');
  const fieldCount = Object.keys(shape.fieldIds).length;
  return restoreMiniSearch<IndexedPassage>(
    miniSearchOptions(),
    shape,
    { ids: container.int32('miniSearch.documentIds'), fieldLengths: container.int32('miniSearch.fieldLengths') },
    (visit) => terms.forEach((term, t) => visit(term, new StoredPostings(runs, postings, t * fieldCount, fieldCount))),
  );
}

/**
 * A term's postings as MiniSearch keeps them (a Map from field id to a Map
 * from passage to frequency), read from the cache's arrays the first time
 * they are used. Building millions of Map entries for every term at startup
 * took most of a warm start; a question needs a dozen terms.
 */
class StoredPostings extends Map<number, Map<number, number>> {
  #source: { runs: Int32Array; postings: Int32Array; first: number; fieldCount: number } | undefined;

  constructor(runs: Int32Array, postings: Int32Array, first: number, fieldCount: number) {
    super();
    this.#source = { runs, postings, first, fieldCount };
  }

  #read(): void {
    const source = this.#source;
    if (source === undefined) return;
    this.#source = undefined;
    const { runs, postings, first, fieldCount } = source;
    for (let field = 0; field < fieldCount; field++) {
      const [from, to] = [runs[first + field]!, runs[first + field + 1]!];
      if (from === to) continue;
      const frequencies = new Map<number, number>();
      for (let p = from; p < to; p += 2) frequencies.set(postings[p]!, postings[p + 1]!);
      super.set(field, frequencies);
    }
  }

  override get size(): number {
    this.#read();
    return super.size;
  }
  override get(field: number) {
    this.#read();
    return super.get(field);
  }
  override has(field: number): boolean {
    this.#read();
    return super.has(field);
  }
  override set(field: number, frequencies: Map<number, number>): this {
    this.#read();
    return super.set(field, frequencies);
  }
  override delete(field: number): boolean {
    this.#read();
    return super.delete(field);
  }
  override clear(): void {
    this.#source = undefined;
    super.clear();
  }
  override forEach(visit: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.#read();
    super.forEach(visit, thisArg);
  }
  override entries() {
    this.#read();
    return super.entries();
  }
  override keys() {
    this.#read();
    return super.keys();
  }
  override values() {
    this.#read();
    return super.values();
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
}

function prefixed(prefix: string, sections: Record<string, Section>): Record<string, Section> {
  return Object.fromEntries(Object.entries(sections).map(([name, section]) => [prefix + name, section]));
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}
