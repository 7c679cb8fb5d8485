import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js';
import { Notices, renderNotice } from '../../render/notices.ts';
import { admitQuestion, answerFor } from '../asking.ts';
import type { BotContext, Command } from '../context.ts';
import { defer, respond } from '../respond.ts';

/** Message context menu "Find sources": the excerpts of the corpus that bear on a message. */
export const findSources = {
  data: new ContextMenuCommandBuilder().setName('Find sources').setType(ApplicationCommandType.Message).toJSON(),

  async execute(interaction, context) {
    if (!interaction.isMessageContextMenuCommand()) return;
    await findSourcesFor(interaction, context);
  },
} satisfies Command;

async function findSourcesFor(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void> {
  const text = messageText(interaction);
  if (text === '') {
    await respond(interaction, renderNotice(Notices.emptyTargetMessage), { ephemeral: true });
    return;
  }
  if (!(await admitQuestion(interaction, context))) return;
  await defer(interaction, { ephemeral: true });
  await respond(interaction, await answerFor(context, text, { visibility: 'private' }));
}

/** The message's text, or its embeds' text when it has no content. */
function messageText(interaction: MessageContextMenuCommandInteraction): string {
  const message = interaction.targetMessage;
  const content = message.content.trim();
  if (content !== '') return content;
  return message.embeds
    .map((embed) => [embed.title, embed.description].filter(Boolean).join('\n'))
    .join('\n')
    .trim();
}
