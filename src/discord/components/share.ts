import type { ButtonInteraction } from 'discord.js';
import { Notices, renderNotice } from '../../render/notices.ts';
import type { MessagePayload } from '../../render/types.ts';
import { isMissingPermissions } from '../api-errors.ts';
import type { BotContext } from '../context.ts';
import { defer, respond, sendToChannel } from '../respond.ts';

/**
 * Posts a new public message in the button's channel (an ephemeral message can never become
 * public). Acknowledges first with an ephemeral deferral, since the post may wait on rate
 * limits and the payload may still have to be made (an answer is asked again); then
 * confirms, or explains that the bot may not post there.
 */
export async function shareInChannel(interaction: ButtonInteraction, payload: MessagePayload | (() => Promise<MessagePayload>), context: BotContext): Promise<void> {
  await defer(interaction, { ephemeral: true });
  const message = typeof payload === 'function' ? await payload() : payload;
  const channel = interaction.channel ?? (await interaction.client.channels.fetch(interaction.channelId).catch(() => null));
  if (!channel?.isSendable()) {
    await respond(interaction, renderNotice(Notices.missingPermissions));
    return;
  }
  try {
    await sendToChannel(channel, message);
  } catch (error) {
    if (!isMissingPermissions(error)) throw error;
    context.logger.warn({ channel: interaction.channelId, user: interaction.user.id }, 'cannot share: missing permissions in channel');
    await respond(interaction, renderNotice(Notices.missingPermissions));
    return;
  }
  await respond(interaction, renderNotice(Notices.shared));
}
