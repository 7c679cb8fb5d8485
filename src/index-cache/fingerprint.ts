import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Bump when the analyzer, cleaning, splitting or cache layout changes in a
 * way that makes an index built by an older version wrong.
 */
export const INDEX_FORMAT_VERSION = 4;

/**
 * A hash of everything an index depends on: every file under the corpus
 * folder (documents, sidecars, aliases; names and bytes), the index format
 * version and the engine settings. Any change gives a new fingerprint.
 */
export function corpusFingerprint(dir: string, settings: unknown): string {
  const hash = createHash('sha256');
  hash.update(`format ${INDEX_FORMAT_VERSION}\n${JSON.stringify(settings ?? {})}\n`);
  for (const file of listFiles(dir)) {
    hash.update(`${relative(dir, file).split(sep).join('/')}\0${statSync(file).size}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
