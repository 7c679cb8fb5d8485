import type { ButtonInteraction } from 'discord.js';
import type { ButtonAction } from '../../render/custom-ids.ts';
import { Notices, renderNotice } from '../../render/notices.ts';
import { answerFor } from '../asking.ts';
import type { BotContext, ButtonHandler } from '../context.ts';
import { isEphemeralMessage, respond, update } from '../respond.ts';
import { shareInChannel } from './share.ts';

/**
 * "More results" pages on (in place on a private answer, privately under a public one);
 * "Share in channel" posts the same answer publicly, marked with who shared it.
 */
export const answerButtons = {
  kinds: ['ask-more', 'ask-share'],
  async execute(interaction, action, context) {
    if (action.kind !== 'ask-more' && action.kind !== 'ask-share') return;
    const question = context.questions.recall(action.questionKey);
    if (question === undefined) {
      await respond(interaction, renderNotice(Notices.answerExpired), { ephemeral: true });
      return;
    }
    if (action.kind === 'ask-more') await showMore(interaction, question, action, context);
    else await shareInChannel(interaction, await answerFor(context, question, { offset: action.offset, limit: action.limit, visibility: 'public', sharedBy: interaction.user.id }), context);
  },
} satisfies ButtonHandler;

async function showMore(interaction: ButtonInteraction, question: string, action: Extract<ButtonAction, { kind: 'ask-more' }>, context: BotContext): Promise<void> {
  const payload = await answerFor(context, question, { offset: action.offset, limit: action.limit, visibility: 'private' });
  if (isEphemeralMessage(interaction)) await update(interaction, payload);
  else await respond(interaction, payload, { ephemeral: true });
}
