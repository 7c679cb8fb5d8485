import { termsOf, tokenize } from './analyzer.ts';
import type { SearchIndex } from './index-build.ts';
import { perObject } from './memo.ts';

/** Longest completion offered (Discord's limit for an autocomplete choice). */
const MAX_COMPLETION_CHARS = 100;

/**
 * Completes a partly typed question: the last word is completed from the
 * corpus vocabulary with MiniSearch's autoSuggest (every earlier word must
 * also occur in a matching passage), and headings containing the typed words
 * are offered too. With nothing typed, offers the section headings.
 */
export function suggestCompletions(index: SearchIndex, input: string, limit: number): string[] {
  const typed = input.slice(0, MAX_COMPLETION_CHARS).replace(/\s+/g, ' ').trimStart();
  const out = new Set<string>();
  const add = (text: string): void => {
    if (out.size < limit && text.trim()) out.add(text.trim().slice(0, MAX_COMPLETION_CHARS));
  };
  const headings = allHeadings(index);
  const words = tokenize(typed);
  if (words.length === 0) {
    headings.forEach(add);
    return [...out];
  }
  const last = words.at(-1)!;
  const partial = last.end === typed.length;
  const head = partial ? typed.slice(0, last.start) : typed.endsWith(' ') ? typed : `${typed} `;
  const suggestions = index.miniSearch.autoSuggest(typed, {
    tokenize: (text) => tokenize(text).map((token) => token.raw),
    processTerm: (term) => [...termsOf(term)],
    prefix: (_term, i, terms) => partial && i === terms.length - 1,
    fuzzy: (term, i, terms) => (partial && i === terms.length - 1 && term.length >= 5 ? 0.2 : false),
    combineWith: 'AND',
  });
  for (const suggestion of suggestions) {
    if (!partial) break;
    const completed = suggestion.terms.find((term) => term.startsWith(termsOf(last.raw)[0] ?? last.raw.toLowerCase())) ?? suggestion.terms.at(-1);
    const form = completed ? index.vocabulary.surfaceForm(completed) : undefined;
    if (form) add(head + form);
  }
  const wanted = words.map((word) => word.raw.toLowerCase());
  for (const heading of headings) {
    const lower = heading.toLowerCase();
    if (wanted.every((word) => lower.includes(word))) add(heading);
  }
  if (out.size === 0) add(typed);
  return [...out];
}

/** Every section heading of the corpus, gathered once per index (autocomplete asks on each keystroke). */
const allHeadings = perObject((index: SearchIndex): string[] => {
  const headings = new Set<string>();
  for (const document of index.documents.values()) {
    for (const section of document.sections) headings.add(section.heading);
  }
  return [...headings];
});
