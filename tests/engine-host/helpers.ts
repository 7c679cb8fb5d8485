import { join } from 'node:path';
import type { EngineSource } from '../../src/engine-host/index.ts';
import { BUNDLED_CORPUS_DIR } from '../fixtures/bundled.ts';
import { tempDir } from '../fixtures/temp-copy.ts';

/** The worker entry that misbehaves on marked questions (see the file). */
export const FAULTY_WORKER = new URL('../fixtures/engine-worker/faulty-worker.ts', import.meta.url);

/** The bundled corpus with an index cache of its own in a temporary folder. */
export function bundledSource(): EngineSource {
  return { kind: 'corpus', corpusDir: BUNDLED_CORPUS_DIR, cachePath: join(tempDir('engine-host-'), 'index.json') };
}

/**
 * Runs `work` while a 10 ms interval ticks on this thread; returns the longest gap between
 * ticks beyond the 10 ms asked for: how long this event loop was blocked.
 */
export async function longestTimerDelay(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
    last = now;
  }, 10);
  try {
    await work();
    const now = performance.now();
    longest = Math.max(longest, now - last - 10);
  } finally {
    clearInterval(timer);
  }
  return longest;
}
