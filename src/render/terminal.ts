import type { DocumentSummary } from '../search/engine.ts';
import type { Answer, Citation, Excerpt, PassageView } from '../search/types.ts';

export interface TerminalStyle {
  /** Use ANSI colours and bold for highlights. @default false */
  color?: boolean;
  /** Number of the first excerpt shown (for paging). @default 1 */
  firstNumber?: number;
}

/** An answer as numbered, cited excerpts; matched words are bold when colour is on. */
export function renderAnswerForTerminal(answer: Answer, style: TerminalStyle = {}): string {
  if (answer.kind === 'no-match') return answer.message;
  const first = style.firstNumber ?? 1;
  return answer.excerpts
    .map((excerpt, i) => {
      const number = `${first + i}.`;
      const quote = wrap(highlight(excerpt, style.color ?? false), 4);
      return `${paint(number, BOLD, style)} ${quote.trimStart()}\n    ${paint(`— ${formatCitation(excerpt.citation)}`, DIM, style)}`;
    })
    .join('\n\n');
}

/** A whole passage with its citation and the ids of its neighbours. */
export function renderPassageForTerminal(view: PassageView, style: TerminalStyle = {}): string {
  const neighbours = [view.previousId ? `previous: ${view.previousId}` : '', view.nextId ? `next: ${view.nextId}` : ''].filter(Boolean).join('   ');
  return [paint(formatCitation(view.citation), BOLD, style), '', wrap(view.passage.text, 0), neighbours ? `\n${paint(neighbours, DIM, style)}` : '']
    .join('\n')
    .trimEnd();
}

/** The documents of the corpus, one a line, with their passage counts and sources. */
export function renderDocumentsForTerminal(documents: readonly DocumentSummary[], style: TerminalStyle = {}): string {
  return documents
    .map((document) => {
      const source = document.source || document.url ? ` (${[document.source, document.url].filter(Boolean).join(', ')})` : '';
      return `${paint(document.title, BOLD, style)}${source}\n    ${document.id} · ${document.passageCount} passages · ${document.sections.length} sections`;
    })
    .join('\n');
}

/** `Title › Section · doc#12 · Source`. */
export function formatCitation(citation: Citation): string {
  return [citation.section ? `${citation.title} › ${citation.section}` : citation.title, citation.passageId, citation.source, citation.url]
    .filter(Boolean)
    .join(' · ');
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const YELLOW_BOLD = '\u001b[1;33m';
const RESET = '\u001b[0m';

function paint(text: string, code: string, style: TerminalStyle): string {
  return style.color ? `${code}${text}${RESET}` : text;
}

function highlight(excerpt: Excerpt, color: boolean): string {
  const text = excerpt.text.replace(/\s*\n\s*/g, ' ');
  if (!color || excerpt.highlights.length === 0) return text;
  let out = '';
  let at = 0;
  const source = excerpt.text;
  for (const span of excerpt.highlights) {
    out += source.slice(at, span.start) + YELLOW_BOLD + source.slice(span.start, span.end) + RESET;
    at = span.end;
  }
  return (out + source.slice(at)).replace(/\s*\n\s*/g, ' ');
}

/** Wraps at 100 columns (counting visible characters only), indenting continuation lines. */
function wrap(text: string, indent: number): string {
  const width = 100;
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const word of text.split(/ +/)) {
    const length = word.replace(/\u001b\[[\d;]*m/g, '').length;
    if (visible > 0 && visible + 1 + length > width - indent) {
      lines.push(line);
      line = '';
      visible = 0;
    }
    line += (visible > 0 ? ' ' : '') + word;
    visible += (visible > 0 ? 1 : 0) + length;
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}
