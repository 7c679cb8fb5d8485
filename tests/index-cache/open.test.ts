import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listCorpusFiles, loadCorpus } from '../../src/corpus/index.ts';
import { saveIndexCache } from '../../src/index-cache/cache.ts';
import { INDEX_FORMAT_VERSION } from '../../src/index-cache/fingerprint.ts';
import { openEngine, prepareIndexCache, type OpenEngineOptions } from '../../src/index-cache/open.ts';
import { buildSearchIndex, indexSettings } from '../../src/search/index.ts';
import { BUNDLED_CORPUS_DIR } from '../fixtures/bundled.ts';
import { damageCacheFile, headerEnd, withDamagedByte } from '../fixtures/damaged-cache.ts';
import { previousFingerprint } from '../fixtures/previous-fingerprint.ts';
import { fileReads, unreadable } from '../fixtures/recorded-reads.ts';
import { tempCopyOf } from '../fixtures/temp-copy.ts';

vi.mock('node:fs', async (importOriginal) => (await import('../fixtures/recorded-reads.ts')).fsRecordingReads(importOriginal));
beforeEach(() => {
  fileReads.length = 0;
  unreadable.clear();
});

const QUESTION = 'Who supplies drones to Russia?';
/** The bundled corpus's documents, as the loader finds them. */
const BUNDLED_FILES = loadCorpus(BUNDLED_CORPUS_DIR).documents.map((document) => document.file);
const DOCUMENTS = BUNDLED_FILES.length;

/** A copy of the bundled corpus and a cache path of its own. */
function scenario(): { corpusDir: string; cachePath: string; statuses: string[]; options: OpenEngineOptions } {
  const { root, dir: corpusDir } = tempCopyOf(BUNDLED_CORPUS_DIR);
  const cachePath = join(root, 'index.idx');
  const statuses: string[] = [];
  return { corpusDir, cachePath, statuses, options: { corpusDir, cachePath, onStatus: (line) => statuses.push(line) } };
}

/** How many times each file of the corpus was read since the last reset. */
function readsPerCorpusFile(corpusDir: string): Map<string, number> {
  const counts = new Map(listCorpusFiles(corpusDir).map((path) => [relative(corpusDir, path), 0]));
  for (const path of fileReads) if (path.startsWith(corpusDir)) counts.set(relative(corpusDir, path), (counts.get(relative(corpusDir, path)) ?? 0) + 1);
  return counts;
}

function expectEachCorpusFileReadOnce(corpusDir: string): void {
  const counts = readsPerCorpusFile(corpusDir);
  expect(counts.size).toBeGreaterThan(0);
  expect(Object.fromEntries(counts)).toEqual(Object.fromEntries([...counts.keys()].map((file) => [file, 1])));
}

describe('openEngine: each corpus file is read once', () => {
  it('when there is no cache yet: the bytes fingerprinted are the ones indexed', () => {
    const { corpusDir, options } = scenario();
    expect(openEngine(options).from).toBe('build');
    expectEachCorpusFileReadOnce(corpusDir);
  });

  it('when the cache is stale because a document changed', () => {
    const { corpusDir, options, statuses } = scenario();
    openEngine(options);
    appendFileSync(join(corpusDir, BUNDLED_FILES[0]!), '\nThe Alabuga plant now builds gliding bombs as well.\n');
    fileReads.length = 0;
    const opened = openEngine(options);
    expect(opened.from).toBe('build');
    expect(opened.engine.ask('What does Alabuga build as well?').kind).toBe('answered');
    expect(lastRebuildReason(statuses)).toMatch(/corpus or settings changed/);
    expectEachCorpusFileReadOnce(corpusDir);
  });

  it('when the cache is fresh, which is then loaded, not rebuilt', () => {
    const { corpusDir, options } = scenario();
    const built = openEngine(options);
    fileReads.length = 0;
    const warm = openEngine(options);
    expect(warm.from).toBe('cache');
    expect(warm.engine.ask(QUESTION)).toEqual(built.engine.ask(QUESTION));
    expectEachCorpusFileReadOnce(corpusDir);
  });

  it('loads a cache written with the fingerprint the previous version computed', () => {
    const { corpusDir, cachePath, options } = scenario();
    const index = buildSearchIndex(loadCorpus(corpusDir));
    saveIndexCache(cachePath, previousFingerprint(corpusDir, indexSettings(undefined)), index);
    expect(openEngine(options).from).toBe('cache');
  });
});

describe('openEngine: a cache that cannot be used is rebuilt, never a crash', () => {
  it.each([
    ['random bytes', () => Buffer.from('not a cache at all, just some text\n'), /not an index cache/],
    ['an older JSON cache', () => Buffer.from('{"format":6,"fingerprint":"abc","miniSearch":{}}'), /not an index cache/],
    ['an empty file', () => Buffer.alloc(0), /not an index cache/],
    ['a file cut after its header', (cache: Buffer) => cache.subarray(0, headerEnd(cache) + 8), /truncated or damaged/],
    ['a file cut inside its header', (cache: Buffer) => cache.subarray(0, 200), /truncated or damaged/],
    ['a file with a fresh header and a damaged body', withDamagedByte, /truncated or damaged/],
    ['a file from another format version', (cache: Buffer) => withFormat(cache, INDEX_FORMAT_VERSION - 1), /corpus or settings changed/],
  ])('%s', (_case, garble, reason) => {
    const { cachePath, options, statuses } = scenario();
    openEngine(options);
    writeFileSync(cachePath, garble(readFileSync(cachePath)));
    const rebuilt = openEngine(options);
    expect(rebuilt.from).toBe('build');
    expect(rebuilt.engine.ask(QUESTION).kind).toBe('answered');
    expect(lastRebuildReason(statuses)).toMatch(reason);
    // The rebuilt cache is sound again.
    expect(openEngine(options).from).toBe('cache');
  });
});

describe('openEngine: a corpus file that cannot be read', () => {
  it('is skipped with a warning, not a crash, and the cache is rebuilt once it can be read', () => {
    const { corpusDir, options } = scenario();
    const file = BUNDLED_FILES[1]!;
    unreadable.add(join(corpusDir, file));
    const warnings: string[] = [];
    const opened = openEngine({ ...options, onWarning: (warning) => warnings.push(`${warning.file}: ${warning.message}`) });
    expect(opened.from).toBe('build');
    expect(opened.engine.documents()).toHaveLength(DOCUMENTS - 1);
    expect(warnings).toEqual([`${file}: skipped: cannot be read (EACCES)`]);
    expect(openEngine(options).from).toBe('cache');
    unreadable.clear();
    const readable = openEngine(options);
    expect(readable.from).toBe('build');
    expect(readable.engine.documents()).toHaveLength(DOCUMENTS);
  });
});

describe('prepareIndexCache (npm run index, the sharding parent)', () => {
  it('builds a missing cache, reading each corpus file once, then finds it fresh from its header without decoding it', () => {
    const { corpusDir, cachePath, options, statuses } = scenario();
    const built = prepareIndexCache(options);
    expect(built).toMatchObject({ from: 'build', cachePath, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expectEachCorpusFileReadOnce(corpusDir);
    fileReads.length = 0;
    const checked = prepareIndexCache(options);
    expect(checked).toEqual({ ...built, from: 'cache', milliseconds: expect.any(Number) });
    expect(fileReads).not.toContain(cachePath);
    expectEachCorpusFileReadOnce(corpusDir);
    expect(built.passageCount).toBeGreaterThan(0);
    expect(statuses.at(-1)).toMatch(new RegExp(`is up to date \\(${DOCUMENTS} documents, ${built.passageCount} passages\\)`));
    const opened = openEngine(options);
    expect(opened.from).toBe('cache');
    expect([opened.engine.documents().length, opened.engine.index.passages.length]).toEqual([checked.documentCount, checked.passageCount]);
  });

  it.each([
    ['the corpus changed', (corpusDir: string) => appendFileSync(join(corpusDir, 'aliases.txt'), '\nmunition = ordnance\n'), /corpus or settings changed/],
    ['the cache body is damaged (its checksum is read through)', (_dir: string, cachePath: string) => damageCacheFile(cachePath), /truncated or damaged/],
    ['the cache is garbled', (_dir: string, cachePath: string) => writeFileSync(cachePath, 'garbage'), /not an index cache/],
  ])('rebuilds when %s', (_case, change, reason) => {
    const { corpusDir, cachePath, options, statuses } = scenario();
    prepareIndexCache(options);
    change(corpusDir, cachePath);
    expect(prepareIndexCache(options).from).toBe('build');
    expect(lastRebuildReason(statuses)).toMatch(reason);
    expect(prepareIndexCache(options).from).toBe('cache');
  });

  it('with caching off, builds the index to check the corpus and reports no fingerprint', () => {
    const { corpusDir } = scenario();
    expect(prepareIndexCache({ corpusDir, cachePath: false })).toMatchObject({ from: 'build', cachePath: undefined, fingerprint: undefined, documentCount: DOCUMENTS });
  });
});

describe('openEngine with the fingerprint prepareIndexCache gave', () => {
  it('loads the cache without reading the corpus', () => {
    const { corpusDir, options } = scenario();
    const { fingerprint } = prepareIndexCache(options);
    fileReads.length = 0;
    const opened = openEngine({ ...options, fingerprint });
    expect(opened.from).toBe('cache');
    expect(opened.engine.ask(QUESTION).kind).toBe('answered');
    expect([...readsPerCorpusFile(corpusDir).values()].every((count) => count === 0)).toBe(true);
  });

  it('ignores a fingerprint the cache does not hold: the corpus is fingerprinted as usual', () => {
    const { corpusDir, options } = scenario();
    const { fingerprint } = prepareIndexCache(options);
    appendFileSync(join(corpusDir, 'aliases.txt'), '\nmunition = ordnance\n');
    // Rebuilt since with the new aliases (another shard, or `npm run index`): the fingerprint given is not the cache's.
    expect(prepareIndexCache(options).fingerprint).not.toBe(fingerprint);
    fileReads.length = 0;
    const opened = openEngine({ ...options, fingerprint });
    expect(opened.from).toBe('cache');
    expect(opened.engine.index.aliases).toContainEqual([['munit'], ['ordnanc']]);
    expectEachCorpusFileReadOnce(corpusDir);
  });

  it('rebuilds a cache holding that fingerprint whose body is damaged, reading the cache and each corpus file once', () => {
    const { corpusDir, cachePath, options, statuses } = scenario();
    const { fingerprint } = prepareIndexCache(options);
    damageCacheFile(cachePath);
    fileReads.length = 0;
    expect(openEngine({ ...options, fingerprint }).from).toBe('build');
    expect(lastRebuildReason(statuses)).toMatch(/truncated or damaged/);
    expect(fileReads.filter((path) => path === cachePath)).toHaveLength(1);
    expectEachCorpusFileReadOnce(corpusDir);
    expect(openEngine({ ...options, fingerprint }).from).toBe('cache');
  });

  it('rebuilds when the cache holding that fingerprint is gone', () => {
    const { cachePath, options } = scenario();
    const { fingerprint } = prepareIndexCache(options);
    rmSync(cachePath);
    expect(openEngine({ ...options, fingerprint }).from).toBe('build');
  });
});

/** Why the index was last rebuilt, from the status lines. */
function lastRebuildReason(statuses: readonly string[]): string | undefined {
  return statuses.filter((line) => line.startsWith('Building the index:')).at(-1);
}

/** The cache file with another format version in its header (its checksum then no longer matches either). */
function withFormat(cache: Buffer, format: number): Buffer {
  const text = cache.toString('latin1');
  return Buffer.from(text.replace(`{"format":${INDEX_FORMAT_VERSION},`, `{"format":${format},`), 'latin1');
}
