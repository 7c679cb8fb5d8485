import { createHash } from 'node:crypto';

/**
 * Recent questions by a short key, so buttons can recompute an answer: a question may be
 * 6000 characters, a custom_id only 100. Bounded (least recently used forgotten first);
 * a forgotten key means "this answer has expired".
 */
export interface QuestionStore {
  /** Stores the question and returns its key (the same question always gets the same key). */
  remember(question: string): string;
  /** The question behind a key, or undefined once forgotten. */
  recall(key: string): string | undefined;
  readonly size: number;
}

export interface QuestionStoreOptions {
  /** How many questions are kept. @default 1000 */
  capacity?: number;
}

export const defaultQuestionStoreOptions = { capacity: 1000 } as const;

export function createQuestionStore(options: QuestionStoreOptions = {}): QuestionStore {
  const capacity = Math.max(1, options.capacity ?? defaultQuestionStoreOptions.capacity);
  const questions = new Map<string, string>();
  return {
    remember(question) {
      const key = questionKey(question);
      questions.delete(key);
      questions.set(key, question);
      while (questions.size > capacity) {
        const oldest = questions.keys().next().value;
        if (oldest === undefined) break;
        questions.delete(oldest);
      }
      return key;
    },
    recall(key) {
      const question = questions.get(key);
      if (question !== undefined) {
        questions.delete(key);
        questions.set(key, question);
      }
      return question;
    },
    get size() {
      return questions.size;
    },
  };
}

/** 12 URL-safe characters of the question's SHA-256. */
export function questionKey(question: string): string {
  return createHash('sha256').update(question).digest('base64url').slice(0, 12);
}
