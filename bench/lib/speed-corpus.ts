import { slugFromFile, type SourceText } from '../../src/corpus/index.ts';
import type { Article } from './squad.ts';
import { seededRandom } from './random.ts';


/** Letters-only suffix naming copy k: 1 -> "qb", 2 -> "qc", 27 -> "qbb"... */
function copySuffix(k: number): string {
  let s = '';
  let n = k;
  do {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return `q${s}`;
}

/**
 * Copy k of a text with a perturbed vocabulary: ~30% of words of 5+ letters get a
 * copy-specific suffix, ~5% more have two inner letters swapped. Copy 0 is the original.
 */
export function perturb(text: string, k: number, random: () => number): string {
  if (k === 0) return text;
  const suffix = copySuffix(k);
  return text.replace(/\p{L}{5,}/gu, (word) => {
    const r = random();
    if (r < 0.3) return word + suffix;
    if (r < 0.35) {
      const i = 1 + Math.floor(random() * (word.length - 3));
      return word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2);
    }
    return word;
  });
}

/** Sources for `units` article copies: all articles of copy 0, then of copy 1 (perturbed)... one source per article copy. */
export function makeSources(articles: readonly Article[], units: number, seed = 7): SourceText[] {
  const sources: SourceText[] = [];
  for (let k = 0; sources.length < units; k++) {
    const random = seededRandom(seed + k * 7919);
    for (const { title, paragraphs } of articles.slice(0, units - sources.length)) {
      const name = k === 0 ? title : `${title} ${copySuffix(k)}`;
      sources.push({ file: `${slugFromFile(name)}.txt`, raw: paragraphs.map((p) => perturb(p, k, random)).join('\n\n'), meta: { title: name } });
    }
  }
  return sources;
}
