import type { Answer } from '../search/types.ts';

/** One line of an evaluation file: a question and strings a right excerpt contains (none: it should abstain). */
export interface EvalQuestion {
  id: string;
  q: string;
  answers: string[];
  /**
   * Labels to break the scores down by, such as how a question is worded
   * ("paraphrase") or what kind of off-topic question it is ("names-subject").
   */
  tags?: string[];
}

export interface EvalMiss {
  id: string;
  question: string;
  expected: string[];
  /** The top excerpt, or why the engine abstained. */
  got: string;
  kind: 'wrong' | 'false-abstention' | 'answered-off-topic';
}

/** The scores of a set of questions. */
export interface EvalScores {
  onTopic: number;
  offTopic: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  /** Off-topic questions declined, out of `offTopic`. */
  abstained: number;
  /** On-topic questions declined. */
  falseAbstentions: number;
}

export interface EvalReport extends EvalScores {
  questions: number;
  /** Longest excerpt returned, in characters. */
  longestExcerpt: number;
  misses: EvalMiss[];
  /** The scores of the questions of each tag; empty when no question has tags. */
  byTag: Record<string, EvalScores>;
}

/** How the engine did on one question. */
export interface EvalOutcome {
  question: EvalQuestion;
  /** Whether the engine declined to answer. */
  declined: boolean;
  /** Position of the first excerpt holding an expected answer; -1 when none does or it declined. */
  rank: number;
  /** Longest excerpt of the answer, in characters. */
  longestExcerpt: number;
  /** The miss to report; undefined for a hit at 1 and a declined off-topic question. */
  miss?: EvalMiss;
}

/**
 * Scores answers against expected strings. A hit at k means one of the first k
 * excerpts contains one of the expected answers, compared without case,
 * typographic quotes or runs of spaces.
 */
export function evaluate(questions: readonly EvalQuestion[], ask: (question: string) => Answer): EvalReport {
  return reportOf(judgeAll(questions, ask));
}

/** Asks every question and judges each answer. */
export function judgeAll(questions: readonly EvalQuestion[], ask: (question: string) => Answer): EvalOutcome[] {
  return questions.map((question) => judge(question, ask(question.q)));
}

/** Whether a question should be declined: it expects no answer. */
function isOffTopic(question: EvalQuestion): boolean {
  return question.answers.length === 0;
}

/** How one answer does against its question's expected strings. */
function judge(question: EvalQuestion, answer: Answer): EvalOutcome {
  const excerpts = answer.kind === 'answered' ? answer.excerpts : [];
  const longestExcerpt = excerpts.reduce((longest, excerpt) => Math.max(longest, excerpt.text.length), 0);
  const declined = answer.kind === 'no-match';
  const got = excerpts[0]?.text ?? (answer.kind === 'no-match' ? `(abstained: ${answer.reason})` : '');
  const missOf = (kind: EvalMiss['kind']): EvalMiss => ({ id: question.id, question: question.q, expected: question.answers, got, kind });
  if (isOffTopic(question)) return { question, declined, rank: -1, longestExcerpt, ...(declined ? {} : { miss: missOf('answered-off-topic') }) };
  if (declined) return { question, declined, rank: -1, longestExcerpt, miss: missOf('false-abstention') };
  const rank = excerpts.findIndex((excerpt) => question.answers.some((expected) => contains(excerpt.text, expected)));
  return { question, declined, rank, longestExcerpt, ...(rank === 0 ? {} : { miss: missOf('wrong') }) };
}

/** The report of a list of outcomes: scores over all of them and over each tag, and the misses. */
export function reportOf(outcomes: readonly EvalOutcome[]): EvalReport {
  const tags = [...new Set(outcomes.flatMap((outcome) => outcome.question.tags ?? []))].sort();
  return {
    questions: outcomes.length,
    ...scoresOf(outcomes),
    longestExcerpt: outcomes.reduce((longest, outcome) => Math.max(longest, outcome.longestExcerpt), 0),
    misses: outcomes.flatMap((outcome) => (outcome.miss ? [outcome.miss] : [])),
    byTag: Object.fromEntries(tags.map((tag) => [tag, scoresOf(outcomes.filter((outcome) => outcome.question.tags?.includes(tag)))])),
  };
}

function scoresOf(outcomes: readonly EvalOutcome[]): EvalScores {
  const onTopic = outcomes.filter((outcome) => !isOffTopic(outcome.question));
  const count = (keep: (outcome: EvalOutcome) => boolean): number => onTopic.filter(keep).length;
  const share = (n: number): number => (onTopic.length === 0 ? 0 : Math.round((n / onTopic.length) * 1000) / 1000);
  return {
    onTopic: onTopic.length,
    offTopic: outcomes.length - onTopic.length,
    hitAt1: share(count((outcome) => outcome.rank === 0)),
    hitAt3: share(count((outcome) => outcome.rank >= 0 && outcome.rank < 3)),
    mrr: share(onTopic.reduce((sum, outcome) => sum + (outcome.rank >= 0 ? 1 / (outcome.rank + 1) : 0), 0)),
    abstained: outcomes.filter((outcome) => isOffTopic(outcome.question) && outcome.declined).length,
    falseAbstentions: count((outcome) => outcome.declined),
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
      if (value.tags !== undefined && !(Array.isArray(value.tags) && value.tags.every((tag) => typeof tag === 'string'))) throw new Error('"tags" must be an array of strings');
      const tags = value.tags && value.tags.length > 0 ? { tags: value.tags } : {};
      questions.push({ id: String(value.id ?? `line${i + 1}`), q: value.q, answers: value.answers.map(String), ...tags });
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
