/**
 * Quality benchmark on SQuAD v1.1 dev: this engine against MiniSearch and Lunr
 * defaults, all over the same 48 articles. Run: npm run bench:quality [-- options]
 *   --squad PATH   SQuAD v1.1 dev JSON (default ../shared/benchmarks/squad-v1.1-dev/dev-v1.1.json from the project root)
 *   --limit N      only the first N questions
 *   --sample N     N questions drawn with a fixed seed
 *   --misses N     print N sample misses of this engine, with their causes
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { markdownTable, runSystem, summaryLine, type SystemResult } from './lib/metrics.ts';
import { reportMisses } from './lib/misses.ts';
import { DEFAULT_SQUAD, loadSquad, pickQuestions, SQUAD_SEED } from './lib/squad.ts';
import { engineSystem, lunrSystem, miniSearchSystem, sentenceWindows } from './lib/systems.ts';

interface Settings {
  squadPath: string;
  limit?: number;
  sample?: number;
  misses: number;
}

interface Report {
  date: string;
  node: string;
  cpu: string;
  squad: string;
  selection: string;
  questions: number;
  corpus: { articles: number; paragraphs: number; baselineWindows: number; enginePassages: number };
  results: SystemResult[];
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench', 'results');

function readSettings(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: { squad: { type: 'string' }, limit: { type: 'string' }, sample: { type: 'string' }, misses: { type: 'string' } },
  });
  const count = (name: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number, got "${raw}"`);
    return n;
  };
  const limit = count('limit', values.limit);
  const sample = count('sample', values.sample);
  if (limit !== undefined && sample !== undefined) throw new Error('Give --limit or --sample, not both.');
  return {
    squadPath: values.squad ? resolve(values.squad) : DEFAULT_SQUAD,
    ...(limit !== undefined ? { limit } : {}),
    ...(sample !== undefined ? { sample } : {}),
    misses: count('misses', values.misses) ?? 0,
  };
}

function describeSelection(settings: Settings, total: number): string {
  if (settings.limit !== undefined) return `first ${settings.limit} of ${total}`;
  if (settings.sample !== undefined) return `sample of ${settings.sample} from ${total} (seed ${SQUAD_SEED})`;
  return `all ${total}`;
}

function renderMarkdown(report: Report): string {
  const { corpus } = report;
  return [
    `# Quality benchmark: SQuAD v1.1 dev`,
    '',
    `${report.date} · Node ${report.node} · ${report.cpu}`,
    `Questions: ${report.questions} (${report.selection}). Corpus: ${corpus.articles} articles, ${corpus.paragraphs} paragraphs; ` +
      `${corpus.baselineWindows} sentence windows (<= 400 chars) for the baselines, ${corpus.enginePassages} passages in this engine.`,
    'A hit: the excerpt contains a gold answer (case-insensitive, whitespace collapsed). Excerpt chars are over all returned excerpts (top 5).',
    '',
    markdownTable(report.results, (system) => system === 'this engine'),
    '',
    ...report.results.map((r) => `- ${summaryLine(r)}`),
    '',
  ].join('\n');
}

function main(): void {
  const settings = readSettings(process.argv.slice(2));
  const squad = loadSquad(settings.squadPath);
  const questions = pickQuestions(squad.questions, { ...settings, seed: SQUAD_SEED });
  const windows = sentenceWindows(squad.articles);
  const engine = engineSystem(squad.articles);
  const systems = [engine, miniSearchSystem(windows), lunrSystem(windows)];
  const runs = systems.map((system) => {
    process.stderr.write(`Asking ${questions.length} questions of ${system.name}...\n`);
    return runSystem(system, questions);
  });
  const report: Report = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    squad: settings.squadPath,
    selection: describeSelection(settings, squad.questions.length),
    questions: questions.length,
    corpus: {
      articles: squad.articles.length,
      paragraphs: squad.articles.reduce((sum, a) => sum + a.paragraphs.length, 0),
      baselineWindows: windows.length,
      enginePassages: engine.engine.index.passages.length,
    },
    results: runs.map((run) => run.result),
  };
  const markdown = renderMarkdown(report);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, 'quality.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, 'quality.md'), markdown);
  console.log(markdown);
  if (settings.misses > 0) console.log(reportMisses(engine.engine, runs[0]!.outcomes, settings.misses));
}

try {
  main();
} catch (error) {
  console.error(`bench:quality: ${(error as Error).message}`);
  process.exitCode = 1;
}
