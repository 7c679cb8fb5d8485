/**
 * Cold start of this engine to its first answer, in a fresh process; prints one JSON line.
 *   node --import tsx bench/lib/speed-cold.ts --mode build|cache --squad PATH --units N --cache FILE --fingerprint S --question Q
 * `sinceProcessStartMs` counts from process start (node + tsx + module loading included).
 */
import { parseArgs } from 'node:util';
import { buildSearchIndex, engineFromIndex, type SearchIndex } from '../../src/search/index.ts';
import { loadIndexCache } from '../../src/index-cache/cache.ts';
import { renderAnswerForTerminal } from '../../src/render/terminal.ts';
import { loadSquad, benchDocuments, squadCorpus } from './squad.ts';
import { makeSources } from './speed-corpus.ts';

const importsDoneMs = performance.now();
const { values } = parseArgs({
  options: {
    mode: { type: 'string' },
    squad: { type: 'string' },
    units: { type: 'string' },
    cache: { type: 'string' },
    fingerprint: { type: 'string' },
    question: { type: 'string' },
  },
});
const stages: Record<string, number> = {};
let mark = performance.now();
const stage = (name: string): void => {
  const now = performance.now();
  stages[name] = Math.round((now - mark) * 10) / 10;
  mark = now;
};
let index: SearchIndex;
if (values.mode === 'cache') {
  const loaded = loadIndexCache(values.cache!, values.fingerprint!);
  if (loaded.kind !== 'loaded') throw new Error(`cache not loaded: ${loaded.reason}`);
  index = loaded.index;
  stage('loadIndexCache');
} else {
  const squad = loadSquad(values.squad!);
  const sources = makeSources(squad.articles, Number(values.units));
  stage('readSquadAndPerturb');
  const corpus = squadCorpus(benchDocuments(sources));
  stage('buildDocuments');
  index = buildSearchIndex(corpus);
  stage('buildSearchIndex');
}
const engine = engineFromIndex(index);
stage('engineFromIndex');
const answer = engine.ask(values.question!, { limit: 3 });
renderAnswerForTerminal(answer);
stage('firstAsk');
const end = performance.now();
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
const heapUsedBytes = process.memoryUsage().heapUsed;
// The bot's worker warms the engine up once it has started (MiniSearch's term tree, word lists):
// what a running bot holds is measured after that, not after the first answer.
engine.warmUp();
stage('warmUp');
console.log(
  JSON.stringify({
    mode: values.mode,
    passages: index.passages.length,
    importsMs: Math.round(importsDoneMs),
    afterImportsMs: Math.round(end - importsDoneMs),
    sinceProcessStartMs: Math.round(end),
    stages,
    answered: answer.kind,
    peakRssBytes,
    heapUsedBytes,
    warmedPeakRssBytes: process.resourceUsage().maxRSS * 1024,
    warmedHeapUsedBytes: process.memoryUsage().heapUsed,
  }),
);
