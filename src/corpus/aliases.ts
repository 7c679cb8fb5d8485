import type { CorpusWarning } from './types.ts';

/**
 * Reads an alias file: one group of equivalent phrases a line, separated by
 * `=` (`North Korea = DPRK = Pyongyang`); `#` starts a comment. A line that is
 * not a group is reported and skipped; the rest still apply.
 */
export function parseAliases(text: string, file: string): { aliases: string[][]; warnings: CorpusWarning[] } {
  const aliases: string[][] = [];
  const warnings: CorpusWarning[] = [];
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') return;
    const phrases = line.split('=').map((phrase) => phrase.trim().replace(/\s+/g, ' '));
    if (phrases.length < 2 || phrases.some((phrase) => phrase === '' || phrase.length > 80)) {
      warnings.push({ file, message: `line ${i + 1} is not "phrase = phrase [= ...]"; skipped: ${rawLine.slice(0, 60)}` });
      return;
    }
    aliases.push(phrases);
  });
  return { aliases, warnings };
}
