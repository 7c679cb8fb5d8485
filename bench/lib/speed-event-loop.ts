/**
 * How long the main thread's event loop is blocked while a stream of questions is answered,
 * with the engine on the main thread (in-process) and in a worker thread: the target
 * is "never blocked more than 50 ms". Library for bench/speed.ts, and a script:
 *   node --import tsx bench/lib/speed-event-loop.ts [--corpus DIR | --cache FILE --fingerprint S]
 *        [--questions eval/questions.jsonl] [--count 200] [--concurrency 1,8] [--engines in-process,worker]
 * It prints one JSON object: { figures: EventLoopFigures[] }.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { inProcessEngine, openEngineSource, startWorkerEngine, type AsyncEngine, type EngineSource } from '../../src/engine-host/index.ts';
import { renderAnswerForDiscord } from '../../src/render/answer.ts';
import type { Engine } from '../../src/search/index.ts';
import { percentile, round } from './speed-stats.ts';

export type EngineKind = 'in-process' | 'worker';

export interface EventLoopBenchOptions {
  /**
   * What both engines open: a prebuilt index cache file (`{ kind: 'cache-file', path,
   * fingerprint }`, as bench/speed.ts saves it) or a corpus folder (`{ kind: 'corpus', corpusDir }`).
   */
  source: EngineSource;
  /** The questions, cycled when `count` is larger. */
  questions: readonly string[];
  /** Questions answered per run. @default questions.length */
  count?: number;
  /** Questions in flight at once, one run each: 1 is one after another. @default [1] */
  concurrency?: readonly number[];
  /** Engines to measure, in this order. @default ['worker', 'in-process'] (the worker first, while this heap holds no index) */
  engines?: readonly EngineKind[];
  /**
   * The in-process engine, when the caller already holds one over the same index (saves
   * loading it again). Note it then also sits in this thread's heap during the worker runs.
   */
  engine?: Engine;
  /** Excerpts per answer. @default 3 */
  limit?: number;
  /** Resolution of the event-loop delay histogram, ms. @default 1 */
  resolutionMs?: number;
  /** One line per step, for a progress log. */
  onProgress?: (message: string) => void;
}

/** One run: `questions` answered through `engine` with `concurrency` in flight. */
export interface EventLoopFigures {
  engine: EngineKind;
  concurrency: number;
  questions: number;
  /** Questions answered (not declined as off-topic). */
  answered: number;
  /** Event-loop delay of this (the bot's) thread during the run, from monitorEventLoopDelay. */
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  /** Time from the first question to the last answer. */
  wallMs: number;
  questionsPerSecond: number;
  /** From asking to the rendered answer, as a user waits (includes queueing behind other questions). */
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Time to open the engine (worker: start the thread and load the index there). */
  openMs: number;
}

/**
 * Streams `count` questions through each engine (the Discord renderer runs on this thread,
 * as in the bot) and measures this thread's event-loop delay. Each lane yields to the event
 * loop (setImmediate) before its next question, as separate Discord events would, so the
 * in-process figures show one question's blocking, not the whole run's.
 */
export async function measureEventLoopDelay(options: EventLoopBenchOptions): Promise<EventLoopFigures[]> {
  const figures: EventLoopFigures[] = [];
  const count = options.count ?? options.questions.length;
  if (options.questions.length === 0 || count < 1) throw new Error('measureEventLoopDelay needs at least one question');
  for (const kind of options.engines ?? ['worker', 'in-process']) {
    const started = performance.now();
    const engine = await openAsync(kind, options);
    const openMs = Math.round(performance.now() - started);
    try {
      for (const concurrency of options.concurrency ?? [1]) {
        options.onProgress?.(`event loop: ${kind}, ${count} questions, ${concurrency} at a time...`);
        figures.push({ engine: kind, concurrency, openMs, ...(await streamQuestions(engine, options, count, concurrency)) });
      }
    } finally {
      await engine.close();
    }
  }
  return figures;
}

async function openAsync(kind: EngineKind, options: EventLoopBenchOptions): Promise<AsyncEngine> {
  if (kind === 'worker') return (await startWorkerEngine({ source: options.source })).engine;
  return inProcessEngine(options.engine ?? openEngineSource(options.source).engine);
}

async function streamQuestions(
  engine: AsyncEngine,
  options: EventLoopBenchOptions,
  count: number,
  concurrency: number,
): Promise<Omit<EventLoopFigures, 'engine' | 'concurrency' | 'openMs'>> {
  const limit = options.limit ?? 3;
  const latencies: number[] = [];
  let next = 0;
  let answered = 0;
  const lane = async (): Promise<void> => {
    while (next < count) {
      const question = options.questions[next % options.questions.length]!;
      next += 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
      const asked = performance.now();
      const answer = await engine.ask(question, { limit });
      renderAnswerForDiscord(answer, { questionKey: 'bench', limit });
      latencies.push(performance.now() - asked);
      if (answer.kind === 'answered') answered += 1;
    }
  };
  const histogram = monitorEventLoopDelay({ resolution: options.resolutionMs ?? 1 });
  histogram.enable();
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  const wallMs = performance.now() - started;
  histogram.disable();
  return {
    questions: count,
    answered,
    maxMs: round(histogram.max / 1e6, 1),
    p99Ms: round(histogram.percentile(99) / 1e6, 1),
    meanMs: round(histogram.mean / 1e6, 2),
    wallMs: Math.round(wallMs),
    questionsPerSecond: round(count / (wallMs / 1000), 1),
    latencyP50Ms: round(percentile(latencies, 0.5), 1),
    latencyP99Ms: round(percentile(latencies, 0.99), 1),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      cache: { type: 'string' },
      fingerprint: { type: 'string' },
      questions: { type: 'string' },
      count: { type: 'string' },
      concurrency: { type: 'string' },
      engines: { type: 'string' },
    },
  });
  const source: EngineSource = values.cache
    ? { kind: 'cache-file', path: values.cache, fingerprint: values.fingerprint ?? '' }
    : { kind: 'corpus', corpusDir: values.corpus ?? 'corpus', cachePath: false };
  const questions = readFileSync(values.questions ?? 'eval/questions.jsonl', 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q);
  const figures = await measureEventLoopDelay({
    source,
    questions,
    count: Number(values.count ?? 200),
    concurrency: (values.concurrency ?? '1,8').split(',').map(Number),
    engines: (values.engines ?? 'worker,in-process').split(',') as EngineKind[],
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  console.log(JSON.stringify({ figures }, null, 2));
}
