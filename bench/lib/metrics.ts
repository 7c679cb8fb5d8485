import type { QaSystem, Retrieval } from './systems.ts';
import type { Question } from './squad.ts';

/** What one system scored over the question set. */
export interface SystemResult {
  system: string;
  questions: number;
  top1: number;
  top5: number;
  top1Hits: number;
  top5Hits: number;
  abstained: number;
  excerptChars: { mean: number; median: number };
  msPerQuery: { median: number; p95: number };
  buildMs: number;
}

/** One question's outcome, kept to show misses. */
export interface Outcome {
  question: Question;
  retrieval: Retrieval;
  /** Rank of the first excerpt holding a gold answer, or -1. */
  hitRank: number;
}

/** Folds text for comparison: case, quote style, ellipsis, invisible characters and runs of whitespace. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u200B-\u200D\u2060\u00AD]/g, '')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();
}

export function holdsAnswer(text: string, answers: readonly string[]): boolean {
  const folded = fold(text);
  return answers.some((answer) => folded.includes(fold(answer)));
}

/** Asks every question, timing each, and scores the answers. */
export function runSystem(system: QaSystem, questions: readonly Question[]): { result: SystemResult; outcomes: Outcome[] } {
  const times: number[] = [];
  const lengths: number[] = [];
  const outcomes: Outcome[] = [];
  for (const question of questions) {
    const started = performance.now();
    const retrieval = system.ask(question.question);
    times.push(performance.now() - started);
    const texts = retrieval.kind === 'excerpts' ? retrieval.texts : [];
    lengths.push(...texts.map((text) => text.length));
    outcomes.push({ question, retrieval, hitRank: texts.findIndex((text) => holdsAnswer(text, question.answers)) });
  }
  const top1Hits = outcomes.filter((o) => o.hitRank === 0).length;
  const top5Hits = outcomes.filter((o) => o.hitRank >= 0).length;
  const result: SystemResult = {
    system: system.name,
    questions: questions.length,
    top1: round(top1Hits / questions.length, 3),
    top5: round(top5Hits / questions.length, 3),
    top1Hits,
    top5Hits,
    abstained: outcomes.filter((o) => o.retrieval.kind === 'abstained').length,
    excerptChars: { mean: round(mean(lengths), 0), median: percentile(lengths, 0.5) },
    msPerQuery: { median: round(percentile(times, 0.5), 3), p95: round(percentile(times, 0.95), 3) },
    buildMs: round(system.buildMs, 0),
  };
  return { result, outcomes };
}

/** The Markdown comparison table. */
export function markdownTable(results: readonly SystemResult[], abstains: (system: string) => boolean): string {
  const rows = results.map((r) =>
    [r.system, r.top1.toFixed(3), r.top5.toFixed(3), abstains(r.system) ? String(r.abstained) : 'n/a', String(r.excerptChars.median), r.msPerQuery.median.toFixed(2)],
  );
  const header = ['system', 'top-1', 'top-5', 'abstained', 'median excerpt chars', 'median ms/query'];
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** One line per system with the counts behind the shares. */
export function summaryLine(r: SystemResult): string {
  return (
    `${r.system}: top-1 ${r.top1Hits}/${r.questions} (${r.top1.toFixed(3)}), top-5 ${r.top5Hits}/${r.questions} (${r.top5.toFixed(3)}), ` +
    `abstained ${r.abstained}, excerpt chars mean ${r.excerptChars.mean} / median ${r.excerptChars.median}, ` +
    `ms/query median ${r.msPerQuery.median.toFixed(2)} / p95 ${r.msPerQuery.p95.toFixed(2)}, index build ${r.buildMs} ms`
  );
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
