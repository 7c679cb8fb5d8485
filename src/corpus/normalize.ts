/**
 * Character-level repairs for scraped text: escaped line breaks written out
 * literally, typographic quotes, invisible characters, runs of spaces and
 * punctuation glued to the next word. None of these rules knows any word of
 * any particular corpus.
 */

/** Turns raw file content into plain lines of text with the character defects repaired. */
export function normalizeCharacters(raw: string): string {
  let text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  text = unescapeLiteralBreaks(text);
  text = text
    .replace(/[\u200B-\u200D\u2060\u00AD]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\u2026/g, '...');
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

/**
 * Puts a space where punctuation was glued to the next word when a link or
 * tag was stripped: `implication:We`, `war.The`, `weapons,while`, `new"Axis`.
 * Numbers (`3,700`, `10:30`), abbreviations (`U.S.`) and URLs are left alone.
 */
export function unglueInlinePunctuation(line: string): string {
  // Each pattern starts at its punctuation mark, so the scan skips to the marks instead of trying every letter.
  return spaceGluedQuotes(
    line
      .replace(/(?<=(?<![\w./:-])(?:\p{Ll}{2,}|\p{Lu}\p{Ll}+))([:;!?])(?=\p{Lu})/gu, '$1 ')
      .replace(/\.(?<=\p{Ll}{2}\.)(?=\p{Lu}\p{Ll})/gu, (match: string, offset: number, whole: string) => (looksLikeUrlAround(whole, offset) ? match : '. '))
      .replace(/,(?<=\p{L}{2},)(?=\p{L}{2})/gu, ', ')
      .replace(/\((?<=[\p{L}\p{N}]\()(?=\p{L}{2,})/gu, ' ('),
  );
}

/**
 * Straight double quotes glued to a word on the outside (`new"Axis of Arsenals":`)
 * get a space on that side: an opening quote (odd count so far) is spaced before,
 * a closing one after.
 */
function spaceGluedQuotes(line: string): string {
  let at = line.indexOf('"');
  if (at < 0) return line;
  let count = 0;
  let out = '';
  let copied = 0;
  for (; at >= 0; at = line.indexOf('"', at + 1)) {
    count++;
    const before = line[at - 1] ?? ' ';
    const after = line[at + 1] ?? ' ';
    const opening = count % 2 === 1;
    let spaced: string | undefined;
    if (opening && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) spaced = ' "';
    else if (!opening && /[\p{L}\p{N}.,]/u.test(before) && /\p{L}/u.test(after)) spaced = '" ';
    if (spaced === undefined) continue;
    out += line.slice(copied, at) + spaced;
    copied = at + 1;
  }
  return out + line.slice(copied);
}

/**
 * Replaces the two-character sequences `\n`, `\r\n` and `\t` with real
 * whitespace when they stand where a break belongs: after sentence punctuation,
 * or before something that cannot continue a word (a capital, a digit, a space,
 * punctuation, another escape). `\naive` in running text stays as written.
 */
function unescapeLiteralBreaks(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(/\\r\\n/g, '\\n')
    .replace(/(?<!\\)\\n(?=[^a-z]|$)|(?<=[.!?:;"')\]])\\n/g, '\n')
    .replace(/(?<!\\)\\t(?=[^a-z]|$)/g, ' ');
}

function looksLikeUrlAround(whole: string, offset: number): boolean {
  const start = whole.lastIndexOf(' ', offset) + 1;
  const word = whole.slice(start, whole.indexOf(' ', offset) === -1 ? undefined : whole.indexOf(' ', offset));
  return /^(https?:|www\.)|@|\.(com|org|net|io|gov|edu)\b/i.test(word);
}
