import type { Answer } from '../search/types.ts';

/** The `--json` contract other tools rely on: one object per question, excerpts as plain text. */
export interface AnswerJson {
  question: string;
  answered: boolean;
  /** Why nothing was found, when `answered` is false. */
  message?: string;
  results: {
    excerpt: string;
    passageId: string;
    docId: string;
    title: string;
    section: string;
    score: number;
    source?: string;
    url?: string;
    matchedTerms: string[];
  }[];
}

export function answerToJson(answer: Answer): AnswerJson {
  if (answer.kind === 'no-match') return { question: answer.question, answered: false, message: answer.message, results: [] };
  return {
    question: answer.question,
    answered: true,
    results: answer.excerpts.map((excerpt) => ({
      excerpt: excerpt.text,
      passageId: excerpt.citation.passageId,
      docId: excerpt.citation.docId,
      title: excerpt.citation.title,
      section: excerpt.citation.section,
      score: excerpt.score,
      ...(excerpt.citation.source ? { source: excerpt.citation.source } : {}),
      ...(excerpt.citation.url ? { url: excerpt.citation.url } : {}),
      matchedTerms: excerpt.matchedTerms,
    })),
  };
}
