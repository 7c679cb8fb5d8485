import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { AppError } from '../errors.ts';
import { parseAliases } from './aliases.ts';
import { buildDocuments, type SourceText } from './document.ts';
import { parseSidecar, readFrontMatter } from './front-matter.ts';
import { loadEnglishLexicon, type Lexicon } from '../text/lexicon.ts';
import type { Corpus, CorpusWarning } from './types.ts';

export interface LoadOptions {
  /** Files larger than this are skipped with a warning. @default 20 MiB */
  maxFileBytes?: number;
  /** Word list used as evidence when repairing glued words. @default the `word-list` package */
  lexicon?: Lexicon;
  /**
   * The folder's files as already read (readCorpusFiles), so that each is read from disk
   * once: the loader takes the file list and kept bytes from here and reads from disk only
   * what is not kept (a file that could not be read, one larger than the limit, a sidecar
   * outside the list).
   * @default undefined: the files are read from disk
   */
  files?: CorpusFiles;
}

/** A corpus folder's files as read once from disk, for loadCorpus (see readCorpusFiles). */
export interface CorpusFiles {
  /** Every file under the folder, sorted, as listCorpusFiles lists them. */
  paths: readonly string[];
  /** The bytes of the files the loader reads (documents, sidecars, the alias file), by path. */
  contents: ReadonlyMap<string, Buffer>;
}

export interface ReadCorpusFilesOptions {
  /**
   * Called with every file under the folder, in listCorpusFiles order, as it is read: its
   * path relative to the folder ('/'-separated) and its bytes, or undefined when it cannot
   * be read. Files the loader does not use are read for it too, then dropped.
   */
  onFile: (file: string, bytes: Buffer | undefined) => void;
  /** Files larger than this are not kept (the loader skips them). @default 20 MiB, as loadCorpus */
  maxFileBytes?: number;
}

/** The alias file looked for at the top of a corpus folder. */
export const ALIAS_FILE = 'aliases.txt';

/**
 * Reads every .txt, .md and .markdown file under `dir` (sub-folders included) into a
 * cleaned corpus. Files that cannot be used (empty, binary, not UTF-8, too
 * large) are skipped and named in `warnings`; the rest are indexed. Throws
 * only when the folder is missing or holds no usable document.
 */
export function loadCorpus(dir: string, options: LoadOptions = {}): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppError('CORPUS_NOT_FOUND', `Corpus folder not found: ${dir}`);
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const disk = fromDisk(options.files);
  const warnings: CorpusWarning[] = [];
  const sources: SourceText[] = [];
  for (const path of (options.files?.paths ?? listCorpusFiles(dir)).filter(isDocumentFile)) {
    const file = relativeName(dir, path);
    const text = readText(disk, path, file, maxFileBytes, warnings);
    if (text === undefined) continue;
    const { meta: frontMatter, body } = readFrontMatter(text);
    sources.push({ file, raw: body, meta: { ...frontMatter, ...readSidecar(disk, path, file, warnings) } });
  }
  if (sources.length === 0) {
    const skipped = warnings.length > 0 ? ` (${warnings.length} file(s) skipped: ${warnings.map((w) => w.file).join(', ')})` : '';
    throw new AppError('CORPUS_EMPTY', `Corpus folder has no readable .txt, .md or .markdown documents: ${dir}${skipped}`);
  }
  const aliases = readAliases(disk, dir, warnings);
  const documents = buildDocuments(sources, options.lexicon ?? loadEnglishLexicon());
  return { dir, documents, aliases, warnings };
}

/**
 * Every file under a corpus folder, sorted, skipping hidden entries and
 * node_modules: what the loader reads from and the index cache's fingerprint hashes.
 */
export function listCorpusFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listCorpusFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * Reads every file under a corpus folder once, handing each to `onFile` (the index cache
 * hashes them there), and keeps the bytes of those the loader reads, for loadCorpus's `files`.
 */
export function readCorpusFiles(dir: string, options: ReadCorpusFilesOptions): CorpusFiles {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const paths = listCorpusFiles(dir);
  const contents = new Map<string, Buffer>();
  for (const path of paths) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(path);
    } catch {
      // The loader reads it again and names the error in its warning.
    }
    options.onFile(relativeName(dir, path), bytes);
    if (bytes !== undefined && bytes.length <= maxFileBytes && isLoaderFile(dir, path)) contents.set(path, bytes);
  }
  return { paths, contents };
}

const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How the loader reaches a file: kept bytes first, the disk otherwise. */
interface FileAccess {
  exists(path: string): boolean;
  size(path: string): number;
  read(path: string): Buffer;
}

function fromDisk(files: CorpusFiles | undefined): FileAccess {
  const kept = files?.contents;
  return {
    exists: (path) => kept?.has(path) === true || existsSync(path),
    size: (path) => kept?.get(path)?.length ?? statSync(path).size,
    read: (path) => kept?.get(path) ?? readFileSync(path),
  };
}

function isDocumentFile(path: string): boolean {
  return /\.(txt|md|markdown)$/i.test(path) && basename(path) !== ALIAS_FILE;
}

/** A document, a sidecar or the alias file: what loadCorpus reads. */
function isLoaderFile(dir: string, path: string): boolean {
  return isDocumentFile(path) || path.endsWith('.meta.json') || path === join(dir, ALIAS_FILE);
}

function relativeName(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

function readText(disk: FileAccess, path: string, file: string, maxFileBytes: number, warnings: CorpusWarning[]): string | undefined {
  const skip = (why: string): undefined => {
    warnings.push({ file, message: `skipped: ${why}` });
    return undefined;
  };
  let bytes: Buffer;
  try {
    if (disk.size(path) > maxFileBytes) return skip(`larger than ${maxFileBytes} bytes`);
    bytes = disk.read(path);
  } catch (error) {
    return skip(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  const text = decodeUtf8(bytes);
  if (text === undefined) return skip('not valid UTF-8 text');
  if (text.trim() === '') return skip('empty file');
  return text;
}

function readSidecar(disk: FileAccess, path: string, file: string, warnings: CorpusWarning[]) {
  const sidecar = path.replace(/\.[^./\\]+$/, '.meta.json');
  if (!disk.exists(sidecar)) return {};
  const meta = parseSidecar(disk.read(sidecar).toString('utf8'));
  if (typeof meta === 'string') {
    warnings.push({ file: file.replace(/\.[^./]+$/, '.meta.json'), message: `ignored: ${meta}` });
    return {};
  }
  return meta;
}

function readAliases(disk: FileAccess, dir: string, warnings: CorpusWarning[]): string[][] {
  const path = join(dir, ALIAS_FILE);
  if (!disk.exists(path)) return [];
  const text = decodeUtf8(disk.read(path));
  if (text === undefined) {
    warnings.push({ file: ALIAS_FILE, message: 'ignored: not valid UTF-8 text' });
    return [];
  }
  const parsed = parseAliases(text, ALIAS_FILE);
  warnings.push(...parsed.warnings);
  return parsed.aliases;
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
