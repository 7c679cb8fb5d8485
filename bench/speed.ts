/**
 * Speed benchmark: this engine against MiniSearch defaults and Lunr over the same
 * passages, on SQuAD v1.1 dev articles grown by perturbed copies to ~1k/10k/100k passages.
 * Reports figures only; it asserts nothing. Run: npm run bench [-- options]
 *   --sizes 1000,10000,100000   target passage counts
 *   --questions N               timed questions per system (default 2000, cycled)
 *   --squad PATH                SQuAD v1.1 dev JSON
 *   --query-budget S            seconds of querying per system and size before stopping early (default 30)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { buildSearchIndex, engineFromIndex, searchCandidates } from '../src/search/index.ts';
import { saveIndexCache } from '../src/index-cache/cache.ts';
import { renderAnswerForTerminal } from '../src/render/terminal.ts';
import { DEFAULT_SQUAD, loadSquad, pickQuestions, SQUAD_SEED, benchDocuments, squadCorpus, type Article } from './lib/squad.ts';
import { makeSources } from './lib/speed-corpus.ts';
import type { EventLoopFigures } from './lib/speed-event-loop.ts';
import { heapUsed, latencyOf, mb, peakRss, round, table, type Latency } from './lib/speed-stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const COLD_SCRIPT = join(ROOT, 'bench', 'lib', 'speed-cold.ts');
const EVENT_LOOP_SCRIPT = join(ROOT, 'bench', 'lib', 'speed-event-loop.ts');
const FINGERPRINT = 'speed-bench-v1';
const WARMUP = 20;
const EVENT_LOOP_QUESTIONS = 500;

interface SystemFigures {
  system: string;
  buildMs: number;
  serializedBytes: number | null;
  serializeNote?: string;
  heapBytes: number;
  peakRssAfterBuildBytes: number;
  latency: Record<string, Latency>;
}

interface SizeReport {
  target: number;
  copies: number;
  passages: number;
  documents: number;
  systems: SystemFigures[];
  engineStages: { buildDocumentsMs: number; buildSearchIndexMs: number; engineFromIndexMs: number };
  ratioFullP50ToMiniSearchP50: number;
  coldStart?: unknown;
  cacheFileBytes?: number;
  eventLoop?: EventLoopFigures[];
  answered: number;
}

function settings() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { sizes: { type: 'string' }, questions: { type: 'string' }, squad: { type: 'string' }, 'query-budget': { type: 'string' } },
  });
  const sizes = (values.sizes ?? '1000,10000,100000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes needs positive whole numbers, got "${values.sizes}"`);
  const questions = Number(values.questions ?? 2000);
  if (!Number.isInteger(questions) || questions < 1) throw new Error(`--questions needs a positive whole number`);
  const budgetS = Number(values['query-budget'] ?? 30);
  return { sizes, questions, budgetMs: budgetS * 1000, squadPath: values.squad ? resolve(values.squad) : DEFAULT_SQUAD };
}

const log = (message: string): void => void process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

function documentsFor(articles: readonly Article[], units: number) {
  return benchDocuments(makeSources(articles, units));
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

let budgetMs = 30_000;

/** Times each question after a warm-up; stops early (and says so via `queries`) once the time budget is spent. */
function timeQueries(questions: readonly string[], ask: (q: string) => unknown, onTimedStart?: () => void): Latency {
  for (const q of questions.slice(0, WARMUP)) ask(q);
  onTimedStart?.();
  const times: number[] = [];
  const begun = performance.now();
  for (const q of questions) {
    const started = performance.now();
    ask(q);
    const end = performance.now();
    times.push(end - started);
    if (end - begun > budgetMs) break;
  }
  return latencyOf(times);
}

function serializedSize(toJson: () => unknown): { bytes: number | null; note?: string } {
  try {
    return { bytes: Buffer.byteLength(JSON.stringify(toJson())) };
  } catch (error) {
    return { bytes: null, note: (error as Error).message.slice(0, 80) };
  }
}

const lunrQuery = (q: string): string => q.replace(/[:^~*+\-\\]/g, ' ');

function coldStart(squadPath: string, copies: number, cacheFile: string, question: string, mode: 'build' | 'cache') {
  const started = performance.now();
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', COLD_SCRIPT, '--mode', mode, '--squad', squadPath, '--units', String(copies), '--cache', cacheFile, '--fingerprint', FINGERPRINT, '--question', question],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const wallMs = Math.round(performance.now() - started);
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>), parentWallMs: wallMs };
}

/**
 * The event-loop delay of a bot-like process: a fresh child whose main thread
 * holds no index (this process holds three), answering through a worker over
 * the cache file and then, for comparison, in its own thread.
 */
function eventLoopInChild(cacheFile: string, questions: readonly string[], questionFile: string): EventLoopFigures[] {
  writeFileSync(questionFile, questions.map((q) => JSON.stringify({ q })).join('\n'));
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', EVENT_LOOP_SCRIPT, '--cache', cacheFile, '--fingerprint', FINGERPRINT, '--questions', questionFile, '--count', String(questions.length), '--concurrency', '1,8', '--engines', 'worker,in-process'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 22, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return (JSON.parse(out) as { figures: EventLoopFigures[] }).figures;
}

function runSize(
  target: number,
  passagesPerCopy: number,
  articles: readonly Article[],
  questions: readonly string[],
  squadPath: string,
  last: boolean,
): SizeReport {
  const copies = Math.max(1, Math.round((target / passagesPerCopy) * articles.length));
  log(`size ~${target}: ${copies} article copies (${round(copies / articles.length, 2)} x ${articles.length} articles)`);
  // This engine: documents through the project's pipeline, then the index.
  const heap0 = heapUsed();
  const [documents, buildDocumentsMs] = time(() => documentsFor(articles, copies));
  const [index, buildSearchIndexMs] = time(() => buildSearchIndex(squadCorpus(documents)));
  const [engine, engineFromIndexMs] = time(() => engineFromIndex(index));
  const engineHeap = heapUsed() - heap0;
  const engineRss = peakRss();
  const passages = index.passages.map((p) => p.text);
  log(`  engine built: ${passages.length} passages in ${Math.round(buildDocumentsMs + buildSearchIndexMs + engineFromIndexMs)} ms`);
  const engineSer = serializedSize(() => index.miniSearch.toJSON());

  // MiniSearch defaults over the same passage texts.
  const heap1 = heapUsed();
  const [mini, miniMs] = time(() => {
    const m = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    m.addAll(passages.map((text, id) => ({ id, text })));
    return m;
  });
  const miniHeap = heapUsed() - heap1;
  const miniRss = peakRss();
  const miniSer = serializedSize(() => mini.toJSON());
  log(`  MiniSearch built in ${Math.round(miniMs)} ms`);

  // Lunr, default pipeline.
  const heap2 = heapUsed();
  const [lunrIndex, lunrMs] = time(() =>
    lunr(function () {
      this.ref('id');
      this.field('text');
      passages.forEach((text, id) => this.add({ id: String(id), text }));
    }),
  );
  const lunrHeap = heapUsed() - heap2;
  const lunrRss = peakRss();
  const lunrSer = serializedSize(() => lunrIndex.toJSON());
  log(`  Lunr built in ${Math.round(lunrMs)} ms`);

  // Query latency, each system in its own block with a short warm-up, same process.
  let answered = 0;
  const full = timeQueries(
    questions,
    (q) => {
      const answer = engine.ask(q, { limit: 3 });
      if (answer.kind === 'answered') answered++;
      return renderAnswerForTerminal(answer);
    },
    () => (answered = 0),
  );
  const searchOnly = timeQueries(questions, (q) => searchCandidates(index, q));
  const miniLat = timeQueries(questions, (q) => mini.search(q));
  const lunrLat = timeQueries(questions, (q) => {
    try {
      return lunrIndex.search(lunrQuery(q));
    } catch {
      return [];
    }
  });
  log(`  latency measured: engine full p50 ${full.p50} ms, MiniSearch p50 ${miniLat.p50} ms`);

  const report: SizeReport = {
    target,
    copies,
    passages: passages.length,
    documents: documents.length,
    systems: [
      {
        system: 'this engine',
        buildMs: Math.round(buildDocumentsMs + buildSearchIndexMs + engineFromIndexMs),
        serializedBytes: engineSer.bytes,
        ...(engineSer.note ? { serializeNote: engineSer.note } : {}),
        heapBytes: engineHeap,
        peakRssAfterBuildBytes: engineRss,
        latency: { 'full ask+render': full, 'search only': searchOnly },
      },
      { system: 'MiniSearch defaults', buildMs: Math.round(miniMs), serializedBytes: miniSer.bytes, heapBytes: miniHeap, peakRssAfterBuildBytes: miniRss, latency: { search: miniLat } },
      { system: 'Lunr', buildMs: Math.round(lunrMs), serializedBytes: lunrSer.bytes, heapBytes: lunrHeap, peakRssAfterBuildBytes: lunrRss, latency: { search: lunrLat } },
    ],
    engineStages: { buildDocumentsMs: Math.round(buildDocumentsMs), buildSearchIndexMs: Math.round(buildSearchIndexMs), engineFromIndexMs: Math.round(engineFromIndexMs) },
    ratioFullP50ToMiniSearchP50: round(full.p50 / miniLat.p50, 4),
    answered,
  };

  // Cold start in child processes, with and without the index cache.
  const dir = mkdtempSync(join(tmpdir(), 'speed-bench-'));
  try {
    const cacheFile = join(dir, 'index.json');
    try {
      saveIndexCache(cacheFile, FINGERPRINT, index);
      report.cacheFileBytes = statSync(cacheFile).size;
    } catch (error) {
      log(`  saveIndexCache failed: ${(error as Error).message}`);
    }
    const question = questions[0]!;
    log('  cold start without cache (child process)...');
    const withoutCache = coldStart(squadPath, copies, cacheFile, question, 'build');
    log('  cold start with cache (child process)...');
    let withCache: unknown;
    try {
      withCache = report.cacheFileBytes ? coldStart(squadPath, copies, cacheFile, question, 'cache') : { error: 'no cache file' };
    } catch (error) {
      withCache = { error: (error as Error).message.slice(0, 200) };
    }
    report.coldStart = { measuredIn: 'child process (node --import tsx bench/lib/speed-cold.ts)', withoutCache, withCache };
    if (last && report.cacheFileBytes) {
      log(`  event-loop runs (child process): ${EVENT_LOOP_QUESTIONS} questions through a worker over the cache, then in the same thread...`);
      report.eventLoop = eventLoopInChild(cacheFile, questions.slice(0, EVENT_LOOP_QUESTIONS), join(dir, 'questions.jsonl'));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}

function sizeTable(r: SizeReport): string {
  const rows: string[][] = [];
  for (const s of r.systems) {
    for (const [path, l] of Object.entries(s.latency)) {
      rows.push([
        s.system,
        path,
        String(s.buildMs),
        s.serializedBytes === null ? `n/a (${s.serializeNote})` : String(mb(s.serializedBytes)),
        String(mb(s.heapBytes)),
        String(mb(s.peakRssAfterBuildBytes)),
        String(l.queries),
        l.p50.toFixed(3),
        l.p95.toFixed(3),
        l.p99.toFixed(3),
      ]);
    }
  }
  return table(['system', 'query path', 'build ms', 'serialized MB', 'heap MB', 'process peak RSS MB (cumulative)', 'queries timed', 'p50 ms', 'p95 ms', 'p99 ms'], rows);
}

interface Cold {
  sinceProcessStartMs?: number;
  afterImportsMs?: number;
  parentWallMs?: number;
  peakRssBytes?: number;
  heapUsedBytes?: number;
  warmedPeakRssBytes?: number;
  warmedHeapUsedBytes?: number;
  stages?: Record<string, number>;
  error?: string;
}

function describeCold(label: string, c: Cold | undefined): string {
  if (!c || c.error) return `${label}: failed (${c?.error ?? 'not run'})`;
  return (
    `${label}: ${c.sinceProcessStartMs} ms from process start to first answer (${c.afterImportsMs} ms after imports; ` +
    `spawn-to-exit ${c.parentWallMs} ms), child peak RSS ${mb(c.peakRssBytes ?? 0)} MB, heap after the answer ${mb(c.heapUsedBytes ?? 0)} MB; ` +
    `after engine.warmUp() (as the bot's worker runs it) peak RSS ${mb(c.warmedPeakRssBytes ?? 0)} MB, heap ${mb(c.warmedHeapUsedBytes ?? 0)} MB; stages ${JSON.stringify(c.stages)}`
  );
}

function sizeSection(r: SizeReport): string {
  const engine = r.systems[0]!;
  const cold = r.coldStart as { withoutCache?: Cold; withCache?: Cold } | undefined;
  const per10k = r.passages / 10000;
  return [
    `## ~${r.target} passages: ${r.passages} passages, ${r.documents} documents (article copies)`,
    '',
    sizeTable(r),
    '',
    `- Engine search only = \`searchCandidates(index, q)\`: the question analysed (aliases, compounds, typo tolerance) and the 24 best passages by BM25 over the MiniSearch postings, before excerpts are chosen.`,
    `- Engine build stages: buildDocuments ${r.engineStages.buildDocumentsMs} ms, buildSearchIndex ${r.engineStages.buildSearchIndexMs} ms, engineFromIndex ${r.engineStages.engineFromIndexMs} ms. Answered ${r.answered}/${engine.latency['full ask+render']!.queries} (rest no-match).`,
    `- Ratio engine full-path p50 / MiniSearch defaults search p50: **${r.ratioFullP50ToMiniSearchP50}x**.`,
    `- Cost per 10k passages (this engine): heap ${mb(engine.heapBytes / per10k)} MB, serialized MiniSearch index ${engine.serializedBytes === null ? 'n/a' : mb(engine.serializedBytes / per10k)} MB` +
      (r.cacheFileBytes ? `, full cache file ${mb(r.cacheFileBytes / per10k)} MB (total ${mb(r.cacheFileBytes)} MB)` : '') +
      '.',
    `- ${describeCold('Cold start without cache', cold?.withoutCache)}`,
    `- ${describeCold('Cold start with cache (warm start)', cold?.withCache)}`,
    ...(r.eventLoop ?? []).map(
      (e) =>
        `- Event loop of the bot's thread, ${e.questions} questions answered ${e.engine === 'worker' ? 'in a worker thread (as the bot does)' : 'in that same thread'}, ${e.concurrency} at a time: ` +
        `max delay ${e.maxMs} ms, p99 ${e.p99Ms} ms, mean ${e.meanMs} ms; ${e.questionsPerSecond} questions/s, answer latency p50 ${e.latencyP50Ms} ms / p99 ${e.latencyP99Ms} ms.`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { sizes, questions: questionCount, squadPath, budgetMs: budget } = settings();
  budgetMs = budget;
  const squad = loadSquad(squadPath);
  const picked = pickQuestions(squad.questions, { sample: questionCount, seed: SQUAD_SEED }).map((q) => q.question);
  const questions = Array.from({ length: questionCount }, (_, i) => picked[i % picked.length]!);
  // Passages per article copy, measured through the engine's splitter on one perturbed copy.
  const probe = buildSearchIndex(squadCorpus(documentsFor(squad.articles, 2 * squad.articles.length).slice(squad.articles.length)));
  const passagesPerCopy = probe.passages.length;
  log(`${passagesPerCopy} passages per article copy (${squad.articles.length} articles); gc ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'on' : 'OFF (run with --expose-gc)'}`);
  const reports: SizeReport[] = [];
  const sorted = [...sizes].sort((a, b) => a - b);
  for (const [i, target] of sorted.entries()) {
    const report = runSize(target, passagesPerCopy, squad.articles, questions, squadPath, i === sorted.length - 1);
    reports.push(report);
    console.log(sizeSection(report));
  }
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    os: `${platform()} ${release()}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    totalMemoryBytes: totalmem(),
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    questions: questionCount,
    queryBudgetMsPerSystem: budgetMs,
    uniqueQuestions: picked.length,
    passagesPerCopy,
    perturbation: 'copy k>0: ~30% of words of 5+ letters get a copy suffix, ~5% get two inner letters swapped (seeded PRNG)',
  };
  const markdown = [
    '# Speed benchmark',
    '',
    `${meta.date} · Node ${meta.node} · ${meta.os} · ${meta.cpu} · ${meta.cores} cores · ${mb(meta.totalMemoryBytes)} MB RAM · gc exposed: ${meta.gcExposed}`,
    '',
    `Corpus: SQuAD v1.1 dev articles (${squad.articles.length}) repeated with a perturbed vocabulary (${meta.perturbation}); ${passagesPerCopy} passages per copy. ` +
      `All three systems index the same passage texts. ${questionCount} SQuAD dev questions per system (${picked.length} unique, seed ${SQUAD_SEED}), after ${WARMUP} warm-up queries; each system timed in its own block, same process, and stopped after ${budgetMs / 1000} s of querying (see "queries timed"; fewer than ${questionCount} means the budget ran out).`,
    'Heap = heapUsed delta after gc across the build (engine includes its documents). Peak RSS is the whole process so far (cumulative across systems and sizes); the cold-start child gives an engine-only peak RSS.',
    '',
    ...reports.map(sizeSection),
  ].join('\n');
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'speed.json'), `${JSON.stringify({ ...meta, sizes: reports }, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, 'speed.md'), markdown);
  log('wrote bench/results/speed.json and bench/results/speed.md');
}

await main();
