import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCorpusFiles } from '../../src/corpus/index.ts';
import { fingerprintCorpus } from '../../src/index-cache/fingerprint.ts';
import { BUNDLED_CORPUS_DIR, fixtureDir } from '../fixtures/bundled.ts';
import { previousFingerprint } from '../fixtures/previous-fingerprint.ts';
import { tempCopyOf } from '../fixtures/temp-copy.ts';

describe('fingerprintCorpus', () => {
  it.each([
    ['the bundled corpus', BUNDLED_CORPUS_DIR],
    ['a corpus with sub-folders', fixtureDir('markdown-titles')],
    ['a corpus with sidecars', fixtureDir('sidecars')],
  ])('is the hash the previous version computed for %s, so the caches it wrote stay valid', (_case, dir) => {
    const settings = { countryAliases: true };
    expect(fingerprintCorpus(dir, settings).fingerprint).toBe(previousFingerprint(dir, settings));
  });

  it.each([
    ['a document changes', (dir: string) => appendFileSync(join(dir, 'report.txt'), ' More text.')],
    ['a document is added', (dir: string) => writeFileSync(join(dir, 'new.txt'), 'A new document.')],
    ['a document is removed', (dir: string) => rmSync(join(dir, 'report.txt'))],
    ['a document is renamed', (dir: string) => renameSync(join(dir, 'report.txt'), join(dir, 'renamed.txt'))],
    ['a sidecar changes', (dir: string) => writeFileSync(join(dir, 'report.meta.json'), '{"title": "Another title"}')],
    ['a file that is no document is added', (dir: string) => writeFileSync(join(dir, 'notes.pdf'), 'x')],
  ])('changes when %s', (_case, change) => {
    const { dir } = tempCopyOf(fixtureDir('sidecars'));
    const before = fingerprintCorpus(dir, {}).fingerprint;
    change(dir);
    expect(fingerprintCorpus(dir, {}).fingerprint).not.toBe(before);
  });

  it('stays the same for an unchanged corpus and changes with the settings', () => {
    const { dir } = tempCopyOf(fixtureDir('sidecars'));
    expect(fingerprintCorpus(dir, {}).fingerprint).toBe(fingerprintCorpus(dir, {}).fingerprint);
    expect(fingerprintCorpus(dir, { countryAliases: false }).fingerprint).not.toBe(fingerprintCorpus(dir, {}).fingerprint);
  });

  it('keeps the bytes of the files the loader reads (documents, sidecars, aliases) and only those', () => {
    const { dir } = tempCopyOf(fixtureDir('sidecars'));
    writeFileSync(join(dir, 'aliases.txt'), 'North Korea = DPRK\n');
    writeFileSync(join(dir, 'scan.pdf'), Buffer.alloc(64, 7));
    const { files } = fingerprintCorpus(dir, {});
    expect(files.paths).toEqual(listCorpusFiles(dir));
    const kept = [...files.contents.keys()].map((path) => relative(dir, path)).sort();
    expect(kept).toEqual(['aliases.txt', 'broken.meta.json', 'broken.txt', 'report.meta.json', 'report.txt', 'wrong-type.meta.json', 'wrong-type.txt']);
    expect(files.contents.get(join(dir, 'report.txt'))).toEqual(readFileSync(join(dir, 'report.txt')));
  });
});
