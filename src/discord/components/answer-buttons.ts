import type { ButtonInteraction } from 'discord.js';
import type { ButtonAction } from '../../render/custom-ids.ts';
import { Notices, renderNotice } from '../../render/notices.ts';
import { admitQuestion, answerFor } from '../asking.ts';
import type { BotContext, ButtonHandler } from '../context.ts';
import { defer, deferUpdate, isEphemeralMessage, respond } from '../respond.ts';
import { shareInChannel } from './share.ts';

/**
 * "More results" pages on (in place on a private answer, privately under a public one);
 * "Share in channel" posts the same answer publicly, marked with who shared it. Each asks the
 * engine again, so each counts against the user's rate limit and is acknowledged before the
 * engine is asked, like /ask.
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
    if (!(await admitQuestion(interaction, context))) return;
    if (action.kind === 'ask-more') await showMore(interaction, question, action, context);
    else await shareInChannel(interaction, () => answerFor(context, question, { offset: action.offset, limit: action.limit, visibility: 'public', sharedBy: interaction.user.id }), context);
  },
} satisfies ButtonHandler;

async function showMore(interaction: ButtonInteraction, question: string, action: Extract<ButtonAction, { kind: 'ask-more' }>, context: BotContext): Promise<void> {
  if (isEphemeralMessage(interaction)) await deferUpdate(interaction);
  else await defer(interaction, { ephemeral: true });
  await respond(interaction, await answerFor(context, question, { offset: action.offset, limit: action.limit, visibility: 'private' }));
}
