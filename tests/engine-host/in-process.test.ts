import { describe, expect, it } from 'vitest';
import { findPassages, inProcessEngine } from '../../src/engine-host/index.ts';
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
    const matches = findPassages(engine, 'alabuga', 4);
    // More than four passages mention Alabuga: the limit cuts the list.
    expect(matches).toHaveLength(4);
    const labelled = (id: string) => {
      const match = matches.find((candidate) => candidate.id === id)!;
      return `${match.id} ${match.title} ${match.section}`.toLowerCase().includes('alabuga');
    };
    // Matches by id, title or section come first, then matches by text alone.
    const order = matches.map((match) => labelled(match.id));
    expect(order).toEqual([...order].sort((a, b) => Number(b) - Number(a)));
    for (const match of matches) expect(match.opening.length).toBeLessThanOrEqual(60);
  });
});
