import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/** Knows whether a lowercased string is a word of the language. */
export interface Lexicon {
  has(word: string): boolean;
}

let englishLexicon: ReadonlySet<string> | undefined;

/**
 * The English word list shipped by the `word-list` package (274,000 words),
 * read once per process, on first need: the loader repairs glued words with
 * it, and questions tell an acronym typed in lowercase ("nk") from a word.
 */
export function loadEnglishLexicon(): Lexicon {
  englishLexicon ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return englishLexicon;
}
