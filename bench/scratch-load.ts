import { loadIndexCache } from '../src/index-cache/cache.ts';
const t = performance.now();
const l = loadIndexCache('/tmp/prof/index-1322.idx', 'prof');
console.log(l.kind, Math.round(performance.now() - t));
