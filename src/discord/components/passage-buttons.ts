import { escapeDiscordText } from '../../render/escape.ts';
import { Notices, renderNotice } from '../../render/notices.ts';
import { renderPassageForDiscord } from '../../render/passage.ts';
import { truncateText } from '../../render/truncate.ts';
import type { ButtonHandler } from '../context.ts';
import { isEphemeralMessage, respond, update } from '../respond.ts';
import { shareInChannel } from './share.ts';

/** "Full passage", "◀ Previous" / "Next ▶" and "Share in channel" on passages. */
export const passageButtons = {
  kinds: ['passage-open', 'passage-nav', 'passage-share'],
  async execute(interaction, action, context) {
    if (action.kind !== 'passage-open' && action.kind !== 'passage-nav' && action.kind !== 'passage-share') return;
    const view = await context.engine.passage(action.passageId);
    if (!view) {
      await respond(interaction, renderNotice(Notices.unknownPassage(truncateText(escapeDiscordText(action.passageId), 100))), { ephemeral: true });
      return;
    }
    if (action.kind === 'passage-share') {
      await shareInChannel(interaction, renderPassageForDiscord(view, { visibility: 'public', sharedBy: interaction.user.id }), context);
    } else if (action.kind === 'passage-nav' && isEphemeralMessage(interaction)) {
      await update(interaction, renderPassageForDiscord(view, { visibility: 'private' }));
    } else {
      await respond(interaction, renderPassageForDiscord(view, { visibility: 'private' }), { ephemeral: true });
    }
  },
} satisfies ButtonHandler;
