import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { DiscordLimit } from '../../render/limits.ts';
import { admitQuestion, answerFor, DEFAULT_RESULTS, MAX_RESULTS } from '../asking.ts';
import type { BotContext, Command } from '../context.ts';
import { defer, respond, respondWithChoices } from '../respond.ts';

/** /ask question:<text> [results:1-5] [public:true|false] — answers with cited excerpts, privately by default. */
export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question; the answer quotes the documents, with citations.')
    .addStringOption((option) =>
      option.setName('question').setDescription('What you want to know').setRequired(true).setMaxLength(DiscordLimit.stringOptionMaxLength).setAutocomplete(true),
    )
    .addIntegerOption((option) =>
      option.setName('results').setDescription(`How many excerpts to show (default ${DEFAULT_RESULTS})`).setMinValue(1).setMaxValue(MAX_RESULTS),
    )
    .addBooleanOption((option) => option.setName('public').setDescription('Post the answer for everyone in the channel (default: only you see it)'))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    await answerAsk(interaction, context);
  },

  async autocomplete(interaction, context) {
    await suggestQuestions(interaction, context);
  },
} satisfies Command;

async function answerAsk(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const limit = interaction.options.getInteger('results') ?? DEFAULT_RESULTS;
  const isPublic = interaction.options.getBoolean('public') ?? false;
  if (!(await admitQuestion(interaction, context))) return;
  await defer(interaction, { ephemeral: !isPublic });
  const payload = await answerFor(context, question, { limit, visibility: isPublic ? 'public' : 'private' });
  await respond(interaction, payload);
}

async function suggestQuestions(interaction: AutocompleteInteraction, context: BotContext): Promise<void> {
  const typed = String(interaction.options.getFocused()).slice(0, DiscordLimit.choiceValue * 2);
  const suggestions = typed.trim() === '' ? [] : await context.engine.suggest(typed, DiscordLimit.autocompleteChoices);
  await respondWithChoices(
    interaction,
    suggestions.map((suggestion) => ({ name: suggestion, value: suggestion })),
  );
}
