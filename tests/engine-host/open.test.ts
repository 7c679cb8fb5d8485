import { describe, expect, it } from 'vitest';
import { openAsyncEngine } from '../../src/engine-host/index.ts';
import { prepareIndexCache } from '../../src/index-cache/open.ts';
import { BUNDLED_CORPUS_DIR } from '../fixtures/bundled.ts';
import { bundledSource } from './helpers.ts';

const BROKEN_WORKER = new URL('./no-such-worker.ts', import.meta.url);

describe('openAsyncEngine (ENGINE_WORKER)', () => {
  it('off: answers on this thread', async () => {
    const { engine } = await openAsyncEngine({ worker: 'off', source: bundledSource() });
    expect(engine.kind).toBe('in-process');
    expect((await engine.ask('Who is Jack Watling?')).kind).toBe('answered');
    await engine.close();
    await expect(engine.ask('Who is Jack Watling?')).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
  });

  it('auto: falls back to this thread, saying why, when the worker thread cannot start', async () => {
    const reasons: string[] = [];
    const { engine } = await openAsyncEngine({ worker: 'auto', source: bundledSource(), workerModule: BROKEN_WORKER, onFallback: (reason) => reasons.push(reason) });
    expect(engine.kind).toBe('in-process');
    expect(reasons).toEqual([expect.stringMatching(/stopped before it was ready/)]);
    await engine.close();
  });

  it('on: a worker thread that cannot start is an error', async () => {
    await expect(openAsyncEngine({ worker: 'on', source: bundledSource(), workerModule: BROKEN_WORKER })).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
  });

  it.each(['on', 'off'] as const)('%s: a corpus source with the fingerprint the sharding parent checked opens the cache it names', async (worker) => {
    const source = bundledSource();
    if (source.kind !== 'corpus') throw new Error('expected a corpus source');
    const { fingerprint } = prepareIndexCache(source);
    const statuses: string[] = [];
    const opened = await openAsyncEngine({ worker, source: { ...source, fingerprint }, onStatus: (line) => statuses.push(line) });
    expect(opened.from).toBe('cache');
    expect((await opened.engine.ask('Who is Jack Watling?')).kind).toBe('answered');
    // The corpus was never read: the log says so before the cache is loaded.
    expect(statuses).toEqual([expect.stringMatching(/^The corpus was not read/), expect.stringMatching(/^Loaded the index/)]);
    await opened.engine.close();
  });

  it.each(['auto', 'on', 'off'] as const)('%s: a missing corpus folder is the same error whatever the mode', async (worker) => {
    const source = { kind: 'corpus' as const, corpusDir: `${BUNDLED_CORPUS_DIR}/missing`, cachePath: false as const };
    await expect(openAsyncEngine({ worker, source, onFallback: () => expect.unreachable('no fallback for a corpus error') })).rejects.toMatchObject({
      code: 'CORPUS_NOT_FOUND',
      message: expect.stringContaining('missing'),
    });
  });
});
