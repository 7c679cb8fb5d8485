import { createRequire } from 'node:module';

/**
 * The irregular forms of English words, which no stemmer joins to their base
 * word: "met" and "meet", "sold" and "sell", "children" and "child".
 */
export interface IrregularForms {
  /** The base words of an irregular form ("sold" → ["sell"]); empty for any other word. */
  baseWordsOf(word: string): readonly string[];
  /** The irregular forms of a base word ("sell" → ["sold"]); empty for any other word. */
  formsOf(word: string): readonly string[];
}

/**
 * Builds the lookup from lists of `[form, base word]` pairs, such as WordNet's
 * exception lists. Words are lowercased; pairs of several words are left out.
 */
export function irregularForms(pairs: Iterable<readonly [string, string]>): IrregularForms {
  const baseWords = new Map<string, string[]>();
  const forms = new Map<string, string[]>();
  for (const [form, base] of pairs) {
    if (/[\s_]/.test(form) || /[\s_]/.test(base) || form === base) continue;
    addTo(baseWords, form.toLowerCase(), base.toLowerCase());
    addTo(forms, base.toLowerCase(), form.toLowerCase());
  }
  return {
    baseWordsOf: (word) => baseWords.get(word.toLowerCase()) ?? [],
    formsOf: (word) => forms.get(word.toLowerCase()) ?? [],
  };
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const values = map.get(key);
  if (!values) map.set(key, [value]);
  else if (!values.includes(value)) values.push(value);
}

/**
 * WordNet's lists of irregular verbs and nouns, as the `wink-lexicon` package
 * ships them; undefined when it is not installed. Irregular adjectives are left
 * out: "better" and "best" as forms of "good" matched an off-topic question's
 * "good" to the corpus's "better".
 */
export function packagedIrregularForms(): IrregularForms | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pairs: Array<readonly [string, string]> = [];
    for (const part of ['verb', 'noun']) {
      const table = require(`wink-lexicon/src/wn-${part}-exceptions.js`) as Record<string, string>;
      for (const [form, base] of Object.entries(table)) if (typeof base === 'string') pairs.push([form, base]);
    }
    return irregularForms(pairs);
  } catch {
    return undefined;
  }
}
