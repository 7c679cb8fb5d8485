import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { listCorpusFiles } from '../corpus/index.ts';

/**
 * Bump when the analyzer, cleaning, splitting or cache layout changes in a
 * way that makes an index built by an older version wrong.
 */
export const INDEX_FORMAT_VERSION = 7;

/**
 * A hash of everything an index depends on: every file under the corpus
 * folder (documents, sidecars, aliases; names and bytes), the index format
 * version and the engine settings. Any change gives a new fingerprint.
 */
export function corpusFingerprint(dir: string, settings: unknown): string {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT_VERSION}\n${JSON.stringify(settings ?? {})}\n`);
  for (const file of listCorpusFiles(dir)) {
    const bytes = readFileSync(file);
    hash.update(`${relative(dir, file).split(sep).join('/')}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
