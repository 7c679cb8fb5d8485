import { seededRandom } from './random.ts';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDocuments, loadEnglishLexicon, type Corpus, type Document, type SourceText } from '../../src/corpus/index.ts';

/** SQuAD v1.1 dev where the project expects it: ../shared beside the project, never copied in. */
export const DEFAULT_SQUAD = fileURLToPath(new URL('../../../shared/benchmarks/squad-v1.1-dev/dev-v1.1.json', import.meta.url));

/** The seed every benchmark draws its sample of SQuAD questions with, so that they time and score the same questions. */
export const SQUAD_SEED = 20240611;

/** One SQuAD article: the unit the corpus is built from. */
export interface Article {
  title: string;
  paragraphs: string[];
}

/** A question with its gold answers and the paragraph it was written against. */
export interface Question {
  id: string;
  question: string;
  answers: string[];
  context: string;
}

export interface Squad {
  articles: Article[];
  questions: Question[];
}

interface RawSquad {
  data: { title: string; paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string }[] }[] }[] }[];
}

/** Reads SQuAD v1.1 JSON; a missing file is a clear error naming the path. */
export function loadSquad(path: string): Squad {
  if (!existsSync(path)) {
    throw new Error(`SQuAD v1.1 dev file not found: ${path}\nPass its location with --squad PATH.`);
  }
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawSquad;
  const articles: Article[] = [];
  const questions: Question[] = [];
  for (const article of raw.data) {
    articles.push({ title: article.title.replace(/_/g, ' '), paragraphs: article.paragraphs.map((p) => p.context) });
    for (const { context, qas } of article.paragraphs) {
      for (const qa of qas) questions.push({ id: qa.id, question: qa.question, answers: qa.answers.map((a) => a.text), context });
    }
  }
  return { articles, questions };
}

/** The first `limit` questions, or `sample` drawn with a fixed seed (in corpus order), or all. */
export function pickQuestions(questions: readonly Question[], choice: { limit?: number; sample?: number; seed: number }): Question[] {
  if (choice.limit !== undefined) return questions.slice(0, choice.limit);
  if (choice.sample === undefined || choice.sample >= questions.length) return [...questions];
  const random = seededRandom(choice.seed);
  const positions = questions.map((_, i) => i);
  for (let i = 0; i < choice.sample; i++) {
    const j = i + Math.floor(random() * (positions.length - i));
    [positions[i], positions[j]] = [positions[j]!, positions[i]!];
  }
  return positions
    .slice(0, choice.sample)
    .sort((a, b) => a - b)
    .map((i) => questions[i]!);
}

/** Source texts through the project's loader pipeline (repairs, sections, passages), as a user's files would go. */
export function benchDocuments(sources: readonly SourceText[]): Document[] {
  return buildDocuments(sources, loadEnglishLexicon());
}

/** The benches' corpus of SQuAD documents: no alias file, no file skipped. */
export function squadCorpus(documents: Document[]): Corpus {
  return { dir: 'squad', documents, aliases: [], warnings: [] };
}
