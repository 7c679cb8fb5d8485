import { createHash } from 'node:crypto';
import { readCorpusFiles, type CorpusFiles } from '../corpus/index.ts';

/**
 * Bump when the analyzer, cleaning, splitting, the acronym table's reading,
 * how written words are counted (`writtenForm`) or the cache layout changes
 * in a way that makes an index built by an older version wrong. 8: the cache
 * stores the acronym table. 9: and how many passages write each word as written.
 * 10: stop words are left out of those counts by their written form.
 */
export const INDEX_FORMAT_VERSION = 10;

/** A corpus folder's fingerprint, with the files read to compute it. */
export interface FingerprintedCorpus {
  /** Hex SHA-256 of everything the index depends on (see fingerprintCorpus). */
  fingerprint: string;
  /** The files as read for the fingerprint: loadCorpus's `files`, so a rebuild reads none of them again. */
  files: CorpusFiles;
}

/**
 * A hash of everything an index depends on: every file under the corpus
 * folder (documents, sidecars, aliases; names and bytes), the index format
 * version and the engine settings. Any change gives a new fingerprint. Each
 * file is read once; the bytes the loader needs are kept for it.
 */
export function fingerprintCorpus(dir: string, settings: unknown): FingerprintedCorpus {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT_VERSION}\n${JSON.stringify(settings ?? {})}\n`);
  const files = readCorpusFiles(dir, {
    onFile: (file, bytes) => {
      // A file that cannot be read is hashed as such, so that its becoming readable changes the fingerprint.
      hash.update(`${file}\0${bytes === undefined ? 'unreadable' : bytes.length}\0`);
      if (bytes !== undefined) hash.update(bytes);
    },
  });
  return { fingerprint: hash.digest('hex'), files };
}
