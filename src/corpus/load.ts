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
  const maxFileBytes = options.maxFileBytes ?? 20 * 1024 * 1024;
  const warnings: CorpusWarning[] = [];
  const sources: SourceText[] = [];
  for (const path of listDocumentFiles(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    const text = readText(path, file, maxFileBytes, warnings);
    if (text === undefined) continue;
    const { meta: frontMatter, body } = readFrontMatter(text);
    sources.push({ file, raw: body, meta: { ...frontMatter, ...readSidecar(path, file, warnings) } });
  }
  if (sources.length === 0) {
    const skipped = warnings.length > 0 ? ` (${warnings.length} file(s) skipped: ${warnings.map((w) => w.file).join(', ')})` : '';
    throw new AppError('CORPUS_EMPTY', `Corpus folder has no readable .txt, .md or .markdown documents: ${dir}${skipped}`);
  }
  const aliases = readAliases(dir, warnings);
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

function listDocumentFiles(dir: string): string[] {
  return listCorpusFiles(dir).filter((path) => /\.(txt|md|markdown)$/i.test(path) && basename(path) !== ALIAS_FILE);
}

function readText(path: string, file: string, maxFileBytes: number, warnings: CorpusWarning[]): string | undefined {
  const skip = (why: string): undefined => {
    warnings.push({ file, message: `skipped: ${why}` });
    return undefined;
  };
  let bytes: Buffer;
  try {
    if (statSync(path).size > maxFileBytes) return skip(`larger than ${maxFileBytes} bytes`);
    bytes = readFileSync(path);
  } catch (error) {
    return skip(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (bytes.includes(0)) return skip('binary file (contains NUL bytes)');
  const text = decodeUtf8(bytes);
  if (text === undefined) return skip('not valid UTF-8 text');
  if (text.trim() === '') return skip('empty file');
  return text;
}

function readSidecar(path: string, file: string, warnings: CorpusWarning[]) {
  const sidecar = path.replace(/\.[^./\\]+$/, '.meta.json');
  if (!existsSync(sidecar)) return {};
  const meta = parseSidecar(readFileSync(sidecar, 'utf8'));
  if (typeof meta === 'string') {
    warnings.push({ file: file.replace(/\.[^./]+$/, '.meta.json'), message: `ignored: ${meta}` });
    return {};
  }
  return meta;
}

function readAliases(dir: string, warnings: CorpusWarning[]): string[][] {
  const path = join(dir, ALIAS_FILE);
  if (!existsSync(path)) return [];
  const text = decodeUtf8(readFileSync(path));
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
