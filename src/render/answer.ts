import type { Answer, Excerpt } from '../search/types.ts';
import { actionButton, buttonRows } from './components.ts';
import { escapeDiscordText, plainLine } from './escape.ts';
import { highlightText } from './highlight.ts';
import { DiscordLimit } from './limits.ts';
import { truncateText } from './truncate.ts';
import { ButtonStyle, type Button, type Embed, type MessagePayload } from './types.ts';

/** How an answer is shown. Every field is optional. */
export interface AnswerRenderOptions {
  /**
   * Short key of the question in the bot's question store. Without it the message has no
   * "More results" or "Share in channel" button (nothing to recompute from).
   */
  questionKey?: string;
  /** Rank of the first excerpt shown, for numbering and paging. @default 0 */
  offset?: number;
  /** Excerpts per page, used by "More results". @default 3 */
  limit?: number;
  /**
   * 'private' (ephemeral): Share in channel, More results and Full passage buttons.
   * 'public': More results and Full passage, which answer the clicker privately.
   * @default 'private'
   */
  visibility?: 'private' | 'public';
  /** Id of the user who shared the answer: adds "Shared by <@id>" (sent without a ping). */
  sharedBy?: string;
  /** How much of the question is echoed above the excerpts. @default 200 */
  questionPreviewChars?: number;
}

export const defaultAnswerRenderOptions: Required<Omit<AnswerRenderOptions, 'questionKey' | 'sharedBy'>> = {
  offset: 0,
  limit: 3,
  visibility: 'private',
  questionPreviewChars: 200,
};

/** Embed colour of answers and passages. */
export const ANSWER_COLOR = 0x5865f2;

/**
 * The Discord message for an answer: the question echoed, one embed per cited excerpt
 * (document title linked when it has a url, excerpt quoted with matched terms in bold,
 * section and passage id in the footer) and the buttons to go on. A no-match answer is a
 * short text reply with the engine's advice, never an empty embed.
 */
export function renderAnswerForDiscord(answer: Answer, options: AnswerRenderOptions = {}): MessagePayload {
  const settings = { ...defaultAnswerRenderOptions, ...options };
  if (answer.kind === 'no-match' || answer.excerpts.length === 0) {
    const message = answer.kind === 'no-match' ? answer.message : 'No more excerpts for that question.';
    return { content: withSharedBy(escapeDiscordText(message), settings.sharedBy) };
  }
  const first = settings.offset + 1;
  const last = settings.offset + answer.excerpts.length;
  const question = truncateText(escapeDiscordText(plainLine(answer.question)), settings.questionPreviewChars);
  const range = answer.total > answer.excerpts.length ? `Excerpts ${first}–${last} of ${answer.total}` : `${plural(answer.excerpts.length, 'excerpt')}`;
  const content = withSharedBy(`**Q:** ${question}\n-# ${range}, quoted from the documents`, settings.sharedBy);
  return {
    content,
    embeds: excerptEmbeds(answer.excerpts, first),
    components: answerButtons(answer, settings),
  };
}

function excerptEmbeds(excerpts: readonly Excerpt[], firstNumber: number): Embed[] {
  const heads = excerpts.slice(0, DiscordLimit.embedsPerMessage).map((excerpt, index) => {
    const { citation } = excerpt;
    const title = truncateText(`${firstNumber + index}. ${escapeDiscordText(plainLine(citation.title))}`, DiscordLimit.embedTitle);
    const footer = truncateText(citationLine(citation), DiscordLimit.embedFooter);
    return { excerpt, title, footer };
  });
  const headLength = heads.reduce((sum, head) => sum + head.title.length + head.footer.length, 0);
  const perDescription = Math.min(DiscordLimit.embedDescription, Math.floor((DiscordLimit.embedTotal - headLength) / Math.max(1, heads.length)));
  return heads.map(({ excerpt, title, footer }) => ({
    title,
    ...(isWebUrl(excerpt.citation.url) ? { url: excerpt.citation.url } : {}),
    description: `>>> ${highlightText(excerpt.text, excerpt.highlights, Math.max(0, perDescription - 4))}`,
    color: ANSWER_COLOR,
    footer: { text: footer },
  }));
}

function answerButtons(answer: Extract<Answer, { kind: 'answered' }>, settings: typeof defaultAnswerRenderOptions & AnswerRenderOptions) {
  // Two excerpts of one passage share its button (Discord refuses repeated custom ids).
  const numbers = new Map<string, number[]>();
  answer.excerpts.forEach((excerpt, index) => {
    const id = excerpt.citation.passageId;
    numbers.set(id, [...(numbers.get(id) ?? []), settings.offset + 1 + index]);
  });
  const passages = [...numbers].map(([passageId, shown]) => actionButton(`Full passage ${shown.join(' & ')}`, { kind: 'passage-open', passageId }));
  const actions: (Button | undefined)[] = [];
  const key = settings.questionKey;
  if (key !== undefined) {
    const next = settings.offset + answer.excerpts.length;
    if (next < answer.total) actions.push(actionButton('More results', { kind: 'ask-more', questionKey: key, offset: next, limit: settings.limit }, ButtonStyle.Primary));
    if (settings.visibility === 'private') {
      actions.push(actionButton('Share in channel', { kind: 'ask-share', questionKey: key, offset: settings.offset, limit: settings.limit }, ButtonStyle.Success));
    }
  }
  return buttonRows(passages, actions);
}

/** "Section · passage id · source", as plain text for a footer. */
export function citationLine(citation: Excerpt['citation']): string {
  return [citation.section ? `§ ${plainLine(citation.section)}` : '', `passage ${citation.passageId}`, citation.source ? plainLine(citation.source) : '']
    .filter((part) => part !== '')
    .join(' · ');
}

export function withSharedBy(text: string, sharedBy: string | undefined): string {
  return sharedBy === undefined ? text : `${text}\n-# Shared by <@${sharedBy}>`;
}

export function isWebUrl(url: string | undefined): url is string {
  if (url === undefined || url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
