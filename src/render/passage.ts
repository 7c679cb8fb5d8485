import type { PassageView } from '../search/types.ts';
import { ANSWER_COLOR, citationLine, isWebUrl, withSharedBy } from './answer.ts';
import { actionButton, buttonRows } from './components.ts';
import { escapeDiscordText, plainLine } from './escape.ts';
import { DiscordLimit } from './limits.ts';
import { truncateText } from './truncate.ts';
import { ButtonStyle, type MessagePayload } from './types.ts';

export interface PassageRenderOptions {
  /**
   * 'private' (ephemeral): Previous/Next replace the message, and Share in channel posts it.
   * 'public': Previous/Next open the neighbour privately for whoever clicks.
   * @default 'private'
   */
  visibility?: 'private' | 'public';
  /** Id of the user who shared the passage: adds "Shared by <@id>" (sent without a ping). */
  sharedBy?: string;
}

/** A passage in full with its citation, and buttons to its neighbours in the document. */
export function renderPassageForDiscord(view: PassageView, options: PassageRenderOptions = {}): MessagePayload {
  const visibility = options.visibility ?? 'private';
  const { passage, citation } = view;
  const title = truncateText(escapeDiscordText(plainLine(citation.title)), DiscordLimit.embedTitle);
  const footer = truncateText(citationLine(citation), DiscordLimit.embedFooter);
  const room = Math.min(DiscordLimit.embedDescription, DiscordLimit.embedTotal - title.length - footer.length) - 4;
  const move = visibility === 'private' ? 'passage-nav' : 'passage-open';
  const neighbours = [
    view.previousId === undefined ? undefined : actionButton('◀ Previous', { kind: move, passageId: view.previousId }),
    view.nextId === undefined ? undefined : actionButton('Next ▶', { kind: move, passageId: view.nextId }),
  ];
  const share = visibility === 'private' ? [actionButton('Share in channel', { kind: 'passage-share', passageId: passage.id }, ButtonStyle.Success)] : [];
  const content = withSharedBy(`Passage **${escapeDiscordText(passage.id)}**, quoted in full`, options.sharedBy);
  return {
    content,
    embeds: [
      {
        title,
        ...(isWebUrl(citation.url) ? { url: citation.url } : {}),
        description: `>>> ${truncateText(escapeDiscordText(passage.text), Math.max(0, room))}`,
        color: ANSWER_COLOR,
        footer: { text: footer },
      },
    ],
    components: buttonRows([...neighbours, ...share]),
  };
}
