import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/search/index.ts';
import { writesAsName } from '../../src/search/names.ts';
import type { SearchIndex } from '../../src/search/index-build.ts';
import { termsOf } from '../../src/search/analyzer.ts';
import { smallCorpus } from '../fixtures/bundled.ts';

describe('the names a corpus writes', () => {
  const namesOf = (...texts: string[]) => {
    const engine = createEngine(smallCorpus(texts.map((text, i) => [`doc-${i}.txt`, text] as const)));
    return engine.index;
  };
  const isName = (index: SearchIndex, word: string): boolean => {
    const terms = termsOf(word);
    // Every term must be judged: an empty list would make any word a name.
    expect(terms).not.toEqual([]);
    return terms.every((term) => writesAsName(index, term));
  };

  it('calls a word a name when it is capitalised wherever it stands inside a sentence', () => {
    const names = namesOf('The talks in Alabuga went well. Drones left Alabuga daily, and the drones were cheap. Kim Jong-un praised Alabuga.');
    expect(isName(names, 'alabuga')).toBe(true);
    expect(isName(names, 'drones')).toBe(false);
  });

  it('does not count the capital of a word that opens a sentence or a line', () => {
    const names = namesOf('Shipments grew. Shipments slowed.\nShipments stopped, and the shipments were counted.');
    expect(isName(names, 'shipments')).toBe(false);
  });

  it('takes each part of a hyphenated name on its own, and wants more than one sighting', () => {
    const names = namesOf('The press met Kim Jong-un. Later, Kim Jong-un left. Once, Tehran called.');
    expect(isName(names, 'kim')).toBe(true);
    expect(isName(names, 'jong')).toBe(true);
    expect(isName(names, 'un')).toBe(false);
    expect(isName(names, 'tehran')).toBe(false);
  });
});
