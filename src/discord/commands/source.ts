import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { escapeDiscordText } from '../../render/escape.ts';
import { Notices, renderNotice } from '../../render/notices.ts';
import { renderPassageForDiscord } from '../../render/passage.ts';
import { truncateText } from '../../render/truncate.ts';
import type { BotContext, Command } from '../context.ts';
import { findDocument, passageChoices } from '../corpus-choices.ts';
import { respond, respondWithChoices } from '../respond.ts';

/** /source id:<passage id> — a passage in full with its citation (a document id opens its first passage). */
export const source = {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('Show a passage of the documents in full, with its citation.')
    .addStringOption((option) =>
      option.setName('id').setDescription('Passage id such as doc-id#3 (start typing to search)').setRequired(true).setMaxLength(200).setAutocomplete(true),
    )
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await showSource(interaction, context);
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, await passageChoices(context.engine, String(interaction.options.getFocused())));
  },
} satisfies Command;

async function showSource(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const id = interaction.options.getString('id', true).trim();
  const document = findDocument(context.engine, id);
  const view = (await context.engine.passage(id)) ?? (document ? await context.engine.passage(`${document.id}#1`) : undefined);
  if (!view) {
    await respond(interaction, renderNotice(Notices.unknownPassage(truncateText(escapeDiscordText(id), 100))), { ephemeral: true });
    return;
  }
  await respond(interaction, renderPassageForDiscord(view, { visibility: 'private' }), { ephemeral: true });
}
