import { describe, expect, it } from 'vitest';
import { findPassages, inProcessEngine, type PassageMatch } from '../../src/engine-host/index.ts';
import { openBundledEngine } from '../fixtures/bundled.ts';

const { engine } = openBundledEngine();

describe('inProcessEngine', () => {
  it('turns an engine error into a rejected promise naming the call (ENGINE_FAILED, with the cause)', async () => {
    const failing = inProcessEngine({ ...engine, suggest: () => { throw new Error('index gone'); } });
    const error = await failing.suggest('dro').then(
      () => expect.unreachable('suggest should have failed'),
      (reason: unknown) => reason as Error,
    );
    expect(error).toMatchObject({ code: 'ENGINE_FAILED', message: 'The engine failed on "suggest": index gone' });
    expect((error.cause as Error).message).toBe('index gone');
  });
});

describe('findPassages', () => {
  it("with nothing typed, offers each document's first passage", () => {
    expect(findPassages(engine, '  ').map((match) => match.id)).toEqual(engine.documents().map((document) => `${document.id}#1`));
  });

  it('puts passages whose section or title matches before those whose text does, within the limit', () => {
    const labelled = (match: PassageMatch) => `${match.id} ${match.title} ${match.section}`.toLowerCase().includes('alabuga');
    const all = findPassages(engine, 'alabuga', engine.index.passages.length);
    const labelledCount = all.filter(labelled).length;
    // Some passages mention Alabuga in their label, and more than one beyond those only in their
    // text, so a limit of one past the labelled ones both cuts the list and mixes the two groups.
    expect(labelledCount).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(labelledCount + 1);
    const matches = findPassages(engine, 'alabuga', labelledCount + 1);
    expect(matches).toHaveLength(labelledCount + 1);
    // Matches by id, title or section come first, then matches by text alone: every labelled
    // match, then one by text. (Merely "sorted" would also pass with the groups swapped, as the
    // text-only matches alone fill the limit.)
    expect(matches.map(labelled)).toEqual([...Array<boolean>(labelledCount).fill(true), false]);
    for (const match of matches) expect(match.opening.length).toBeLessThanOrEqual(60);
  });
});
