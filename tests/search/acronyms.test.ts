import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, engineFromIndex } from '../../src/search/index.ts';
import { capitalisedPhrases } from '../../src/search/acronyms.ts';
import { loadIndexCache, saveIndexCache } from '../../src/index-cache/cache.ts';
import { excerptsOf, firstTitle as top, smallCorpus } from '../fixtures/bundled.ts';
import { tempDir } from '../fixtures/temp-copy.ts';

describe('capitalisedPhrases', () => {
  const initials = (text: string) => capitalisedPhrases(text).map((phrase) => phrase.initials);

  it.each([
    ['the Alabuga Special Economic Zone has grown', 'SEZ'],
    ['resolutions of the UN Security Council were ignored', 'UNSC'],
    ['a fellow of the International Institute for Strategic Studies said', 'IISS'],
    ["North Korea's shells", 'NK'],
  ])('reads the initials of the names in "%s"', (text, expected) => {
    expect(initials(text)).toContain(expected);
  });

  it('does not join names across punctuation or end a name on a connector', () => {
    expect(initials('South Korea, Japan and the Philippines')).toEqual(['SK']);
    expect(initials('Bank of England of')).toEqual(['BE']);
  });
});

describe('acronyms in questions', () => {
  const zoneAndPort = smallCorpus([
    ['zone.txt', 'Factories in the Kama Special Economic Zone assemble drones for export.'],
    ['port.txt', 'The port ships drones and tractors for export every week.'],
  ]);
  const engine = createEngine(zoneAndPort);
  const dir = tempDir('acronyms-');

  it('reads an acronym the corpus never writes as the capitalised phrase it spells', () => {
    expect(top(engine.ask('Which drones does the SEZ export?'))).toBe('zone');
    const answer = engine.ask('Which drones does the SEZ export?');
    expect(answer.kind === 'answered' && answer.excerpts[0]!.matchedTerms).toEqual(expect.arrayContaining(['special', 'economic', 'zone']));
  });

  it('reads a lowercase acronym, as typed in chat, when it is no English word', () => {
    expect(top(engine.ask('Which drones does the ksez export?'))).toBe('zone');
  });

  it('reads an acronym inside a compound, as in "port/SEZ" or "port-ksez"', () => {
    expect(top(engine.ask('Which drones does the SEZ/port pair export?'))).toBe('zone');
    expect(top(engine.ask('which drones does the ksez-port pair export'))).toBe('zone');
  });

  it('reads them the same in an engine started from the index cache', () => {
    const path = join(dir, 'index.idx');
    saveIndexCache(path, 'acronyms', createEngine(zoneAndPort).index);
    const loaded = loadIndexCache(path, 'acronyms');
    if (loaded.kind !== 'loaded') throw new Error(`expected the cache to load: ${loaded.reason}`);
    const fromCache = engineFromIndex(loaded.index);
    for (const question of ['Which drones does the SEZ export?', 'Which drones does the ksez export?', 'Which drones does the sez export?']) {
      expect(fromCache.ask(question)).toEqual(engine.ask(question));
    }
    expect(top(fromCache.ask('Which drones does the SEZ export?'))).toBe('zone');
  });

  it('leaves alone a lowercase English word ("sez" is slang for "says"), and an acronym no phrase spells', () => {
    for (const question of ['Which drones does the sez export?', 'Which drones does the XYZ export?', 'Which drones does the xyz export?']) {
      const matched = excerptsOf(engine.ask(question)).flatMap((excerpt) => excerpt.matchedTerms.map((term) => term.toLowerCase()));
      expect(matched).toContain('drones');
      expect(matched).not.toEqual(expect.arrayContaining(['special']));
      expect(matched).not.toEqual(expect.arrayContaining(['zone']));
    }
  });
});
