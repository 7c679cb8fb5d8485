import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { renderDocumentListForDiscord, renderDocumentOutlineForDiscord } from '../../render/documents.ts';
import { escapeDiscordText } from '../../render/escape.ts';
import { Notices, renderNotice } from '../../render/notices.ts';
import { truncateText } from '../../render/truncate.ts';
import type { BotContext, Command } from '../context.ts';
import { documentChoices, findDocument } from '../corpus-choices.ts';
import { respond, respondWithChoices } from '../respond.ts';

/** /docs [document] — the documents of the corpus, or one document's outline of sections. */
export const docs = {
  data: new SlashCommandBuilder()
    .setName('docs')
    .setDescription('List the documents the bot quotes from, or show the outline of one.')
    .addStringOption((option) =>
      option.setName('document').setDescription('A document to outline (start typing its title)').setMaxLength(200).setAutocomplete(true),
    )
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await showDocuments(interaction, context);
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, documentChoices(context.engine, String(interaction.options.getFocused())));
  },
} satisfies Command;

async function showDocuments(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const wanted = interaction.options.getString('document')?.trim();
  if (!wanted) {
    await respond(interaction, renderDocumentListForDiscord(context.engine.documents()), { ephemeral: true });
    return;
  }
  const document = findDocument(context.engine, wanted);
  const payload = document ? renderDocumentOutlineForDiscord(document) : renderNotice(Notices.unknownDocument(truncateText(escapeDiscordText(wanted), 100)));
  await respond(interaction, payload, { ephemeral: true });
}
