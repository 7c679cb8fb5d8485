import type { Answer } from '../search/types.ts';

/** One line of an evaluation file: a question and strings a right excerpt contains (none: it should abstain). */
export interface EvalQuestion {
  id: string;
  q: string;
  answers: string[];
}

export interface EvalMiss {
  id: string;
  question: string;
  expected: string[];
  /** The top excerpt, or why the engine abstained. */
  got: string;
  kind: 'wrong' | 'false-abstention' | 'answered-off-topic';
}

export interface EvalReport {
  questions: number;
  onTopic: number;
  offTopic: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Off-topic questions declined, out of `offTopic`. */
  abstained: number;
  /** On-topic questions declined. */
  falseAbstentions: number;
  /** Longest excerpt returned, in characters. */
  longestExcerpt: number;
  misses: EvalMiss[];
}

/**
 * Scores answers against expected strings. A hit at k means one of the first k
 * excerpts contains one of the expected answers, compared without case,
 * typographic quotes or runs of spaces.
 */
export function evaluate(questions: readonly EvalQuestion[], ask: (question: string) => Answer): EvalReport {
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let abstained = 0;
  let falseAbstentions = 0;
  let longestExcerpt = 0;
  const misses: EvalMiss[] = [];
  const onTopic = questions.filter((q) => q.answers.length > 0).length;
  for (const item of questions) {
    const answer = ask(item.q);
    const excerpts = answer.kind === 'answered' ? answer.excerpts : [];
    for (const excerpt of excerpts) longestExcerpt = Math.max(longestExcerpt, excerpt.text.length);
    const top = excerpts[0]?.text ?? (answer.kind === 'no-match' ? `(abstained: ${answer.reason})` : '');
    if (item.answers.length === 0) {
      if (answer.kind === 'no-match') abstained++;
      else misses.push({ id: item.id, question: item.q, expected: [], got: top, kind: 'answered-off-topic' });
      continue;
    }
    if (answer.kind === 'no-match') {
      falseAbstentions++;
      misses.push({ id: item.id, question: item.q, expected: item.answers, got: top, kind: 'false-abstention' });
      continue;
    }
    const rank = excerpts.findIndex((excerpt) => item.answers.some((expected) => contains(excerpt.text, expected)));
    if (rank === 0) hit1++;
    if (rank >= 0 && rank < 3) hit3++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank !== 0) misses.push({ id: item.id, question: item.q, expected: item.answers, got: top, kind: 'wrong' });
  }
  const share = (n: number): number => (onTopic === 0 ? 0 : Math.round((n / onTopic) * 1000) / 1000);
  return {
    questions: questions.length,
    onTopic,
    offTopic: questions.length - onTopic,
    hitAt1: share(hit1),
    hitAt3: share(hit3),
    mrr: share(reciprocal),
    abstained,
    falseAbstentions,
    longestExcerpt,
    misses,
  };
}

/** Reads JSONL evaluation questions; a bad line is reported by number. */
export function parseEvalFile(text: string): { questions: EvalQuestion[]; errors: string[] } {
  const questions: EvalQuestion[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const value = JSON.parse(line) as Partial<EvalQuestion>;
      if (typeof value.q !== 'string' || !Array.isArray(value.answers)) throw new Error('needs "q" (string) and "answers" (array)');
      questions.push({ id: String(value.id ?? `line${i + 1}`), q: value.q, answers: value.answers.map(String) });
    } catch (error) {
      errors.push(`line ${i + 1}: ${(error as Error).message}`);
    }
  });
  return { questions, errors };
}

/** Whether `text` contains `expected`, ignoring case, quote style and spacing. */
export function contains(text: string, expected: string): boolean {
  return simplify(text).includes(simplify(expected));
}

function simplify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
