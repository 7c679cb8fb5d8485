import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { listCorpusFiles, loadCorpus, readCorpusFiles, type CorpusFiles, type LoadOptions } from '../../src/corpus/load.ts';
import type { Corpus } from '../../src/corpus/index.ts';
import { parseAliases } from '../../src/corpus/aliases.ts';
import { createEngine } from '../../src/search/engine.ts';
import { excerptsOf, fixtureDir, SMALL_LEXICON } from '../fixtures/bundled.ts';
import { fileReads } from '../fixtures/recorded-reads.ts';
import { thrownBy } from '../fixtures/thrown.ts';
import { tempDir } from '../fixtures/temp-copy.ts';

vi.mock('node:fs', async (importOriginal) => (await import('../fixtures/recorded-reads.ts')).fsRecordingReads(importOriginal));

const GOOD_TEXT = 'The Alabuga plant in Tatarstan assembles Geran-2 drones from Iranian kits.\n';
const load = (dir: string) => loadCorpus(dir, { lexicon: SMALL_LEXICON });

function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('corpus-load-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('loadCorpus: the folder', () => {
  it('fails with an error naming a folder that does not exist', () => {
    const error = thrownBy(() => load('/nonexistent/corpus-folder'));
    expect(error.code).toBe('CORPUS_NOT_FOUND');
    expect(error.message).toContain('/nonexistent/corpus-folder');
  });

  it('fails with an error naming a path that is a file, not a folder', () => {
    const dir = tempCorpus({ 'a.txt': GOOD_TEXT });
    const error = thrownBy(() => load(join(dir, 'a.txt')));
    expect(error.code).toBe('CORPUS_NOT_FOUND');
    expect(error.message).toContain('a.txt');
  });

  it('fails with an error naming an empty folder', () => {
    const dir = tempCorpus({});
    const error = thrownBy(() => load(dir));
    expect(error.code).toBe('CORPUS_EMPTY');
    expect(error.message).toContain(dir);
  });

  it('ignores files that are not .txt or .md, so a folder of them counts as empty', () => {
    const dir = tempCorpus({ 'notes.pdf': 'x', 'data.csv': 'a,b', '.hidden.txt': GOOD_TEXT });
    expect(thrownBy(() => load(dir)).code).toBe('CORPUS_EMPTY');
  });

  it('names the skipped files when none of the files could be used', () => {
    const dir = tempCorpus({ 'empty.txt': '', 'blank.md': '  \n\n ' });
    const error = thrownBy(() => load(dir));
    expect(error.code).toBe('CORPUS_EMPTY');
    expect(error.message).toContain('empty.txt');
    expect(error.message).toContain('blank.md');
  });
});

describe('loadCorpus: unusable files', () => {
  it.each([
    ['an empty file', 'empty.txt', '', /empty/],
    ['a file of only whitespace', 'spaces.txt', ' \n\t\n ', /empty/],
    ['a binary file with NUL bytes', 'image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]), /binary/],
    ['a file that is not UTF-8 (Latin-1 é)', 'latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x6e, 0x64, 0x20, 0x74, 0x65, 0x61]), /UTF-8/],
  ])('skips %s, names it in the warnings and indexes the rest', (_case, name, content, reason) => {
    const dir = tempCorpus({ 'good.txt': GOOD_TEXT, [name]: content });
    const corpus = load(dir);
    expect(corpus.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(corpus.warnings).toHaveLength(1);
    expect(corpus.warnings[0]!.file).toBe(name);
    expect(corpus.warnings[0]!.message).toMatch(reason);
  });

  it('skips a file larger than the size limit and says so', () => {
    const dir = tempCorpus({ 'good.txt': GOOD_TEXT, 'huge.txt': 'word '.repeat(400) });
    const corpus = loadCorpus(dir, { lexicon: SMALL_LEXICON, maxFileBytes: 1000 });
    expect(corpus.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(corpus.warnings).toEqual([{ file: 'huge.txt', message: expect.stringContaining('larger than 1000 bytes') }]);
  });

  it('reads a UTF-8 file with a byte-order mark and accented letters', () => {
    const dir = tempCorpus({ 'accents.txt': '\uFEFFLe café de Москва est ouvert.\n' });
    const corpus = load(dir);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.documents[0]!.text).toBe('Le café de Москва est ouvert.');
  });
});

describe('loadCorpus: titles, metadata and folders', () => {
  const corpus = load(fixtureDir('markdown-titles'));
  const byFile = (file: string) => corpus.documents.find((d) => d.file === file);

  it('reads documents in sub-folders with a relative path', () => {
    expect(corpus.documents.map((d) => d.file).sort()).toEqual(['drone-alliance.md', 'front-matter.md', 'sub/nested-note.txt']);
    expect(byFile('sub/nested-note.txt')!.id).toBe('sub-nested-note');
  });

  it('titles a Markdown file by its first "# " heading and keeps ## headings as sections', () => {
    const document = byFile('drone-alliance.md')!;
    expect(document.title).toBe("Iran and Russia's Drone Alliance");
    expect(document.sections.map((s) => s.heading)).toEqual(['From Tehran to Tatarstan']);
    expect(document.text).not.toContain('**');
    expect(document.text).toContain('drone powerhouse');
  });

  it('takes title, source and url from front matter and keeps the front matter out of the text', () => {
    const document = byFile('front-matter.md')!;
    expect(document).toMatchObject({ title: 'Shells by Rail', source: 'The Guardian', url: 'https://example.com/shells' });
    expect(document.text).toBe('North Korea also has good rail connections with Russia, a senior research fellow said.');
  });

  it('works without an aliases.txt', () => {
    expect(corpus.aliases).toEqual([]);
    expect(corpus.warnings).toEqual([]);
  });

  it('uses the title and source of a sidecar meta.json', () => {
    const sidecars = load(fixtureDir('sidecars'));
    expect(sidecars.documents.find((d) => d.file === 'report.txt')).toMatchObject({
      title: 'Russian Arms Procurement',
      source: 'The Guardian',
      url: 'https://example.com/arms',
    });
  });

  it.each([
    ['is not valid JSON', 'broken', /not valid JSON/],
    ['gives a title that is not a string', 'wrong-type', /"title" must be a string/],
  ])('reports a sidecar that %s and still indexes its document', (_case, name, reason) => {
    const sidecars = load(fixtureDir('sidecars'));
    expect(sidecars.warnings).toContainEqual({ file: `${name}.meta.json`, message: expect.stringMatching(reason) });
    expect(sidecars.documents.map((d) => d.file)).toContain(`${name}.txt`);
  });

  it('never indexes a sidecar as a document', () => {
    expect(load(fixtureDir('sidecars')).documents.map((d) => d.file).sort()).toEqual(['broken.txt', 'report.txt', 'wrong-type.txt']);
  });
});

describe('loadCorpus: aliases', () => {
  const corpus = load(fixtureDir('aliases-malformed'));

  it('reports each malformed alias line by its number', () => {
    const lines = corpus.warnings.filter((w) => w.file === 'aliases.txt').map((w) => /line (\d+)/.exec(w.message)?.[1]);
    expect(lines).toEqual(['4', '5', '7']);
  });

  it('still applies the valid alias lines', () => {
    expect(corpus.aliases).toEqual([
      ['North Korea', 'DPRK', 'Pyongyang'],
      ['Russia', 'Kremlin'],
    ]);
    const answer = createEngine(corpus).ask('What does North Korea send to Russia?');
    expect(answer.kind).toBe('answered');
    expect(excerptsOf(answer)[0]!.text).toContain('DPRK');
  });

  it('never indexes aliases.txt as a document', () => {
    expect(corpus.documents.map((d) => d.file)).toEqual(['article.txt']);
  });

  it('ignores an alias file that is not UTF-8 and says so', () => {
    const dir = tempCorpus({ 'a.txt': GOOD_TEXT, 'aliases.txt': new Uint8Array([0x41, 0x20, 0x3d, 0x20, 0xe9]) });
    const loaded = load(dir);
    expect(loaded.aliases).toEqual([]);
    expect(loaded.warnings).toEqual([{ file: 'aliases.txt', message: expect.stringContaining('UTF-8') }]);
  });
});

describe('readCorpusFiles and loadCorpus with the files read', () => {
  /** Loads the corpus from the files read before, checking that it reads none of them again. */
  const loadFromFilesOnly = (dir: string, options: Omit<LoadOptions, 'files'>, files: CorpusFiles): Corpus => {
    fileReads.length = 0;
    const corpus = loadCorpus(dir, { ...options, files });
    expect(fileReads.filter((path) => path.startsWith(dir))).toEqual([]);
    return corpus;
  };

  it('hands every file to onFile once, in order, with its name and bytes, and keeps what the loader reads', () => {
    const dir = tempCorpus({ 'b.txt': GOOD_TEXT, 'a.meta.json': '{"title": "A"}', 'a.md': '# A\n\nText.\n', 'scan.pdf': 'x', 'sub/c.txt': GOOD_TEXT, 'aliases.txt': 'DPRK = North Korea\n' });
    const seen: [string, string | undefined][] = [];
    fileReads.length = 0;
    const files = readCorpusFiles(dir, { onFile: (file, bytes) => seen.push([file, bytes?.toString('utf8')]) });
    expect(seen).toEqual([
      ['a.md', '# A\n\nText.\n'],
      ['a.meta.json', '{"title": "A"}'],
      ['aliases.txt', 'DPRK = North Korea\n'],
      ['b.txt', GOOD_TEXT],
      ['scan.pdf', 'x'],
      ['sub/c.txt', GOOD_TEXT],
    ]);
    expect(fileReads).toEqual(listCorpusFiles(dir));
    expect(files.paths).toEqual(listCorpusFiles(dir));
    expect([...files.contents.keys()]).toEqual(['a.md', 'a.meta.json', 'aliases.txt', 'b.txt', 'sub/c.txt'].map((name) => join(dir, name)));
  });

  it.each(['markdown-titles', 'sidecars', 'aliases-malformed'])('gives the same corpus as reading the disk, and reads no file again (%s)', (scenario) => {
    const dir = fixtureDir(scenario);
    const files = readCorpusFiles(dir, { onFile: () => {} });
    expect(loadFromFilesOnly(dir, { lexicon: SMALL_LEXICON }, files)).toEqual(load(dir));
  });

  it('does not keep a file over the size limit, and the loader still skips it with a warning', () => {
    const dir = tempCorpus({ 'good.txt': GOOD_TEXT, 'huge.txt': 'word '.repeat(400) });
    const files = readCorpusFiles(dir, { onFile: () => {}, maxFileBytes: 1000 });
    expect([...files.contents.keys()]).toEqual([join(dir, 'good.txt')]);
    const corpus = loadFromFilesOnly(dir, { lexicon: SMALL_LEXICON, maxFileBytes: 1000 }, files);
    expect(corpus.documents.map((d) => d.file)).toEqual(['good.txt']);
    expect(corpus.warnings).toEqual([{ file: 'huge.txt', message: expect.stringContaining('larger than 1000 bytes') }]);
  });

  it('skips the same unusable files as when reading the disk', () => {
    const dir = tempCorpus({ 'good.txt': GOOD_TEXT, 'empty.txt': '', 'image.txt': new Uint8Array([0x89, 0x00, 0x1a]), 'latin1.txt': new Uint8Array([0x43, 0x61, 0x66, 0xe9]) });
    const files = readCorpusFiles(dir, { onFile: () => {} });
    expect(loadFromFilesOnly(dir, { lexicon: SMALL_LEXICON }, files)).toEqual(load(dir));
  });
});

describe('parseAliases', () => {
  it.each([
    ['a single phrase', 'Russia'],
    ['an empty phrase', 'Russia = '],
    ['a phrase over 80 characters', `Russia = ${'x'.repeat(81)}`],
  ])('rejects %s', (_case, line) => {
    const parsed = parseAliases(line, 'aliases.txt');
    expect(parsed.aliases).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
  });

  it('collapses spaces inside a phrase and accepts Windows line endings', () => {
    expect(parseAliases('North   Korea = DPRK\r\nUS = America\r\n', 'aliases.txt').aliases).toEqual([
      ['North Korea', 'DPRK'],
      ['US', 'America'],
    ]);
  });
});
