import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import MiniSearch from 'minisearch';
import type { CorpusWarning, Document, Passage } from '../corpus/types.ts';
import { createCandidateSearch } from '../search/postings.ts';
import { miniSearchOptions, type IndexedPassage, type SearchIndex } from '../search/index-build.ts';

/** What a cache file holds. Passage text is not stored: it is a slice of its document's text. */
interface CacheFile {
  fingerprint: string;
  createdAt: string;
  documents: Document[];
  /** [id, docId, section, ordinal, start, end] per passage. */
  passages: [string, string, string, number, number, number][];
  documentFrequency: [string, number][];
  surfaceForms: [string, string][];
  aliases: SearchIndex['aliases'];
  /** Files the build skipped or reported, so a warm start still names them. */
  warnings: CorpusWarning[];
  boost: SearchIndex['boost'];
  miniSearch: unknown;
}

export type CacheLoad = { kind: 'loaded'; index: SearchIndex; warnings: CorpusWarning[] } | { kind: 'rebuild'; reason: string };

/** Reads a cache file; any problem (missing, stale, truncated, corrupt) is a reason to rebuild, never an exception. */
export function loadIndexCache(path: string, fingerprint: string): CacheLoad {
  if (!existsSync(path)) return { kind: 'rebuild', reason: 'no index cache yet' };
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
  } catch (error) {
    return { kind: 'rebuild', reason: `index cache unreadable or corrupt (${(error as Error).message.slice(0, 80)})` };
  }
  if (cache?.fingerprint !== fingerprint) return { kind: 'rebuild', reason: 'corpus or settings changed since the index cache was built' };
  try {
    const documents = new Map(cache.documents.map((document) => [document.id, document]));
    const passages: Passage[] = cache.passages.map(([id, docId, section, ordinal, start, end]) => ({
      id,
      docId,
      section,
      ordinal,
      start,
      end,
      text: documents.get(docId)!.text.slice(start, end),
    }));
    const miniSearch = MiniSearch.loadJS<IndexedPassage>(cache.miniSearch as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions());
    return {
      kind: 'loaded',
      warnings: cache.warnings ?? [],
      index: {
        miniSearch,
        documents,
        passages,
        passageById: new Map(passages.map((passage, i) => [passage.id, i])),
        documentFrequency: new Map(cache.documentFrequency),
        surfaceForms: new Map(cache.surfaceForms),
        aliases: cache.aliases,
        boost: cache.boost,
        candidateSearch: createCandidateSearch(miniSearch, cache.boost),
      },
    };
  } catch (error) {
    return { kind: 'rebuild', reason: `index cache is incomplete (${(error as Error).message.slice(0, 80)})` };
  }
}

/** Writes the index to a cache file atomically (a temporary file renamed into place). */
export function saveIndexCache(path: string, fingerprint: string, index: SearchIndex, warnings: readonly CorpusWarning[] = []): void {
  const cache: CacheFile = {
    fingerprint,
    createdAt: new Date().toISOString(),
    documents: [...index.documents.values()],
    passages: index.passages.map((p) => [p.id, p.docId, p.section, p.ordinal, p.start, p.end]),
    documentFrequency: [...index.documentFrequency],
    surfaceForms: [...index.surfaceForms],
    aliases: index.aliases,
    warnings: [...warnings],
    boost: index.boost,
    miniSearch: index.miniSearch.toJSON(),
  };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(cache));
  renameSync(temporary, path);
}
