import type { Engine } from '../../src/search/index.ts';
import { holdsAnswer, type Outcome } from './metrics.ts';
import { TOP_K } from './systems.ts';

/** Why this engine's top excerpt missed. */
export type MissCause = 'abstained' | 'wrong passage ranked first' | 'right passage, window missed the answer';

interface Miss {
  outcome: Outcome;
  cause: MissCause;
  top: string;
}

/** Counts every top-1 miss of the engine by cause and prints `count` of them, spread evenly over the set. */
export function reportMisses(engine: Engine, outcomes: readonly Outcome[], count: number): string {
  const misses = outcomes.filter((o) => o.hitRank !== 0).map((outcome) => classify(engine, outcome));
  const causes = new Map<MissCause, number>();
  for (const miss of misses) causes.set(miss.cause, (causes.get(miss.cause) ?? 0) + 1);
  const lines = [`## Misses of this engine at top-1: ${misses.length}`, ...[...causes].map(([cause, n]) => `- ${cause}: ${n}`), ''];
  const shownCount = Math.min(count, misses.length);
  const shown = Array.from({ length: shownCount }, (_, i) => misses[Math.floor((i * misses.length) / shownCount)]!);
  for (const miss of shown.sort((a, b) => a.cause.localeCompare(b.cause))) lines.push(describe(miss), '');
  return lines.join('\n');
}

function classify(engine: Engine, outcome: Outcome): Miss {
  const answer = engine.ask(outcome.question.question, { limit: TOP_K });
  if (answer.kind === 'no-match') return { outcome, cause: 'abstained', top: `(no-match: ${answer.reason})` };
  const first = answer.excerpts[0];
  const passage = first ? engine.passage(first.citation.passageId)?.passage.text ?? '' : '';
  const cause = holdsAnswer(passage, outcome.question.answers) ? 'right passage, window missed the answer' : 'wrong passage ranked first';
  return { outcome, cause, top: first ? `[${first.citation.passageId}] ${first.text}` : '(no excerpt)' };
}

function describe({ outcome, cause, top }: Miss): string {
  const { question } = outcome;
  const rank = outcome.hitRank > 0 ? `answer at rank ${outcome.hitRank + 1}` : `no answer in top ${TOP_K}`;
  return [
    `### ${cause} (${rank}) ${question.id}`,
    `Q: ${question.question}`,
    `Gold: ${[...new Set(question.answers)].map((a) => JSON.stringify(a)).join(' | ')}`,
    `Top: ${top}`,
  ].join('\n');
}
