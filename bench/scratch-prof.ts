import { existsSync } from 'node:fs';
import { buildDocuments, loadEnglishLexicon } from '../src/corpus/index.ts';
import { buildSearchIndex, engineFromIndex } from '../src/search/index.ts';
import { loadIndexCache, saveIndexCache } from '../src/index-cache/cache.ts';
import { renderAnswerForTerminal } from '../src/render/terminal.ts';
import { loadSquad, pickQuestions } from './lib/squad.ts';
import { makeSources } from './lib/speed-corpus.ts';

const units = Number(process.argv[2] ?? 13);
const n = Number(process.argv[3] ?? 300);
const squad = loadSquad('../shared/benchmarks/squad-v1.1-dev/dev-v1.1.json');
const cache = `/tmp/prof/index-${units}.idx`;
let t = performance.now();
let index;
if (existsSync(cache)) {
  const l = loadIndexCache(cache, 'prof');
  if (l.kind !== 'loaded') throw new Error(l.reason);
  index = l.index;
  console.log('load ms', Math.round(performance.now() - t));
} else {
  const docs = buildDocuments(makeSources(squad.articles, units), loadEnglishLexicon());
  console.log('docs ms', Math.round(performance.now() - t)); t = performance.now();
  index = buildSearchIndex({ dir: 'x', documents: docs, aliases: [], warnings: [] });
  console.log('index ms', Math.round(performance.now() - t));
  saveIndexCache(cache, 'prof', index);
}
console.log('passages', index.passages.length, 'heap MB', Math.round(process.memoryUsage().heapUsed / 1e6));
const engine = engineFromIndex(index);
const qs = pickQuestions(squad.questions, { sample: n, seed: 20240611 }).map((q) => q.question);
for (const q of qs.slice(0, 20)) engine.ask(q);
const times: number[] = [];
const s0 = performance.now();
for (const q of qs) { const a = performance.now(); renderAnswerForTerminal(engine.ask(q, { limit: 3 })); times.push(performance.now() - a); }
times.sort((a, b) => a - b);
const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!.toFixed(2);
console.log(`full p50 ${p(0.5)} p95 ${p(0.95)} p99 ${p(0.99)} max ${p(0.9999)} total ${Math.round(performance.now() - s0)}`);
