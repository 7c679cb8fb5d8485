import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIndexCache, loadIndexCache, peekIndexCache, saveIndexCache } from '../../src/index-cache/cache.ts';
import { openCacheFile, openEngine } from '../../src/index-cache/open.ts';
import { engineFromIndex, type Engine } from '../../src/search/index.ts';
import { acronymAliases, buildAcronymTable } from '../../src/search/acronyms.ts';
import { compileAliases } from '../../src/search/query.ts';
import { BUNDLED_CORPUS_DIR, openBundledEngine } from '../fixtures/bundled.ts';
import { CACHE_PREFIX_BYTES, headerEnd, withDamagedByte } from '../fixtures/damaged-cache.ts';
import { tempCopyOf, tempDir } from '../fixtures/temp-copy.ts';

const QUESTIONS = ['Who supplies drones to Russia?', 'How many Shahed-136 drones did Iran deliver?', 'What is the Alabuga zone?', 'Which missiles did the DPRK send?'];
let engine: Engine;
let dir: string;
let path: string;
beforeAll(() => {
  ({ engine } = openBundledEngine());
  dir = tempDir('index-cache-');
  path = join(dir, 'index.idx');
  saveIndexCache(path, 'fingerprint-1', engine.index, [{ file: 'broken.txt', message: 'not UTF-8, skipped' }]);
});

function loaded(file = path, fingerprint = 'fingerprint-1') {
  const result = loadIndexCache(file, fingerprint);
  if (result.kind !== 'loaded') throw new Error(`expected the cache to load: ${result.reason}`);
  return result;
}

describe('index cache', () => {
  it('gives back an engine that answers exactly as the one it was saved from', () => {
    const fromCache = engineFromIndex(loaded().index);
    for (const question of QUESTIONS) expect(fromCache.ask(question, { limit: 5 })).toEqual(engine.ask(question, { limit: 5 }));
    expect(fromCache.documents()).toEqual(engine.documents());
    expect(fromCache.suggest('Alab')).toEqual(engine.suggest('Alab'));
  });

  it('restores the MiniSearch index, passages, vocabulary and sentence tables unchanged', () => {
    const { index } = loaded();
    // The radix tree lists terms in the order they were added, which a load need not repeat.
    const { index: terms, ...rest } = index.miniSearch.toJSON();
    const { index: originalTerms, ...originalRest } = engine.index.miniSearch.toJSON();
    expect(rest).toEqual(originalRest);
    const byTerm = (a: [string, unknown], b: [string, unknown]) => a[0].localeCompare(b[0]);
    expect([...terms].sort(byTerm)).toEqual([...originalTerms].sort(byTerm));
    expect(index.passages).toEqual(engine.index.passages);
    expect(index.vocabulary.data).toEqual(engine.index.vocabulary.data);
    // The written words' table is made from the loaded arrays when first asked.
    for (const word of ['drones', 'drone', 'populated', 'the', 'bankrolls']) expect(index.vocabulary.writtenFrequency(word)).toBe(engine.index.vocabulary.writtenFrequency(word));
    expect(index.vocabulary.writtenFrequency('drones')).toBeGreaterThan(0);
    expect(index.forward).toEqual(engine.index.forward);
    expect(index.candidateSearch).toBeDefined();
  });

  it('restores the acronym table the passages give, though the engine saved had not needed it yet', () => {
    const { index } = loaded();
    expect(index.acronyms.get('SEZ')).toBe('Special Economic Zone');
    expect(index.acronyms).toEqual(buildAcronymTable(engine.index.passages));
  });

  it('spells out an acronym from the stored table, reading no passage text', () => {
    const { index } = loaded();
    for (const passage of index.passages) {
      Object.defineProperty(passage, 'text', {
        get: () => {
          throw new Error(`the text of ${passage.id} was read`);
        },
      });
    }
    expect(acronymAliases('Who works in the SEZ?', index)).toEqual(compileAliases([['SEZ', 'Special Economic Zone']]));
  });

  it('keeps the warnings of the build, so a warm start still names skipped files', () => {
    expect(loaded().warnings).toEqual([{ file: 'broken.txt', message: 'not UTF-8, skipped' }]);
  });
});

describe('checking a cache from its header', () => {
  it('finds a cache fresh for its fingerprint and gives its counts and warnings without decoding it', () => {
    expect(checkIndexCache(path, 'fingerprint-1')).toEqual({
      kind: 'fresh',
      documentCount: engine.index.documents.size,
      passageCount: engine.index.passages.length,
      warnings: [{ file: 'broken.txt', message: 'not UTF-8, skipped' }],
    });
    expect(peekIndexCache(path, 'fingerprint-1')).toEqual({ kind: 'fresh' });
  });

  it('reads the header alone: a body cut off is noticed only when the checksum is asked for', () => {
    const cut = copyWith((bytes) => bytes.subarray(0, headerEnd(bytes)));
    expect(checkIndexCache(cut, 'fingerprint-1').kind).toBe('fresh');
    expect(checkIndexCache(cut, 'fingerprint-1', { checksum: true })).toEqual({ kind: 'rebuild', reason: expect.stringMatching(/truncated or damaged/) });
    expect(loadIndexCache(cut, 'fingerprint-1').kind).toBe('rebuild');
  });

  it.each([
    ['a fresh cache', () => path, 'fingerprint-1', 'fresh'],
    ['a cache for another fingerprint', () => path, 'fingerprint-2', 'rebuild'],
    ['a missing file', () => join(dir, 'absent.idx'), 'fingerprint-1', 'rebuild'],
    ['an empty file', () => copyWith(() => Buffer.alloc(0)), 'fingerprint-1', 'rebuild'],
    ['a cache whose header starts otherwise', () => copyWith((bytes) => Buffer.from(bytes).fill(0x20, CACHE_PREFIX_BYTES, CACHE_PREFIX_BYTES + 1)), 'fingerprint-1', 'unknown'],
  ])('peeks at the first bytes of %s', (_case, file, fingerprint, kind) => {
    expect(peekIndexCache(file(), fingerprint).kind).toBe(kind);
  });
});

/** A cache that cannot be used: how it is made, the reason a rebuild is asked for, and the fingerprint asked with. */
type Refused = [label: string, file: () => string, reason: RegExp, fingerprint?: string];

/** Caches that loading and checking refuse for the same reason. */
const REFUSED_BY_BOTH: Refused[] = [
  ['is missing', () => join(dir, 'absent.idx'), /no index cache yet/],
  ['was built from another corpus or settings', () => path, /changed/, 'fingerprint-2'],
  ['is truncated', () => copyWith((bytes) => bytes.subarray(0, bytes.length >> 1)), /truncated or damaged/],
  ['is cut inside its header', () => copyWith((bytes) => bytes.subarray(0, 100)), /truncated or damaged/],
  ['has a damaged byte', () => copyWith(withDamagedByte), /truncated or damaged/],
  ['is empty', () => copyWith(() => Buffer.alloc(0)), /not an index cache/],
  ['is an older JSON cache', () => copyWith(() => Buffer.from('{"fingerprint":"fingerprint-1","miniSearch":{}}')), /not an index cache/],
];

/** A cache whose header is not JSON: loading reads the whole file, so the checksum fails first; checking reads the header. */
const headerNotJson = () => copyWith((bytes) => Buffer.from(bytes).fill(0x7b, CACHE_PREFIX_BYTES, CACHE_PREFIX_BYTES + 24));

describe.each([
  {
    reader: 'loading a cache',
    read: (file: string, fingerprint: string) => loadIndexCache(file, fingerprint),
    headerNotJsonReason: /truncated or damaged/,
  },
  {
    reader: 'checking a cache by its header, checksum read through',
    read: (file: string, fingerprint: string) => checkIndexCache(file, fingerprint, { checksum: true }),
    headerNotJsonReason: /unreadable or corrupt/,
  },
])('$reader', ({ read, headerNotJsonReason }) => {
  const refused: Refused[] = [...REFUSED_BY_BOTH, ['has a header that is not JSON', headerNotJson, headerNotJsonReason]];
  it.each(refused)('asks for a rebuild, saying why, when the cache %s', (_case, file, reason, fingerprint = 'fingerprint-1') => {
    const result = read(file(), fingerprint);
    expect(result.kind).toBe('rebuild');
    expect(result.kind === 'rebuild' && result.reason).toMatch(reason);
  });
});

describe('opening the engine with a cache', () => {
  it('builds once, then starts from the cache, and rebuilds when a corpus file changes', () => {
    const { root, dir: corpusDir } = tempCopyOf(BUNDLED_CORPUS_DIR);
    const cachePath = join(root, 'open.idx');
    const statuses: string[] = [];
    const open = () => openEngine({ corpusDir, cachePath, onStatus: (line) => statuses.push(line) });
    expect(open().from).toBe('build');
    const warm = open();
    expect(warm.from).toBe('cache');
    expect(warm.engine.ask(QUESTIONS[0]!)).toEqual(engine.ask(QUESTIONS[0]!));
    appendFileSync(join(corpusDir, 'aliases.txt'), '\nmunition = ordnance\n');
    expect(open().from).toBe('build');
    expect(statuses.join('\n')).toMatch(/corpus or settings changed/);
  });

  it('rebuilds when an option that shapes the index changes, such as country aliases', () => {
    const { root, dir: corpusDir } = tempCopyOf(BUNDLED_CORPUS_DIR);
    const cachePath = join(root, 'settings.idx');
    const open = (countryAliases: boolean) => openEngine({ corpusDir, cachePath, engine: { countryAliases } });
    const withAliases = open(true);
    expect(withAliases.from).toBe('build');
    const without = open(false);
    expect(without.from).toBe('build');
    expect(without.engine.index.aliases.length).toBeLessThan(withAliases.engine.index.aliases.length);
    // The setting forced the rebuild, not a missing cache: the same setting again loads it.
    expect(open(false).from).toBe('cache');
  });
});

describe('opening a prebuilt cache file', () => {
  it('answers as the engine it was saved from and passes on the saved warnings', () => {
    const warnings: string[] = [];
    const opened = openCacheFile(path, 'fingerprint-1', undefined, { onWarning: (warning) => warnings.push(warning.file) });
    expect(opened.from).toBe('cache');
    expect(opened.engine.ask(QUESTIONS[0]!)).toEqual(engine.ask(QUESTIONS[0]!));
    expect(warnings).toEqual(['broken.txt']);
  });

  it('refuses a file saved with another fingerprint, saying why', () => {
    expect(() => openCacheFile(path, 'fingerprint-2')).toThrow(/Could not load the index cache .*changed/);
  });
});

let copies = 0;
function copyWith(change: (bytes: Buffer) => Buffer): string {
  const file = join(dir, `copy-${copies++}.idx`);
  writeFileSync(file, change(readFileSync(path)));
  return file;
}
