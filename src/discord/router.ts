import type { Interaction, RepliableInteraction } from 'discord.js';
import { decodeButtonAction } from '../render/custom-ids.ts';
import { Notices, renderNotice } from '../render/notices.ts';
import { describeError, discordErrorCode, isGoneInteraction, isMissingPermissions } from './api-errors.ts';
import type { BotContext, ButtonHandler, Command } from './context.ts';
import { respond, respondWithChoices } from './respond.ts';

export interface RouterOptions {
  commands: readonly Command[];
  buttons: readonly ButtonHandler[];
  context: BotContext;
}

/**
 * The one entry for interactions: routes commands, context menus, autocomplete and buttons
 * to their handler. The returned function never rejects: a failing handler is logged and
 * answered "Something went wrong" ephemerally, so one bad interaction never stops the bot.
 */
export function createInteractionRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const commands = new Map(options.commands.map((command) => [command.data.name, command]));
  const { context } = options;
  const route = async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) {
      const command = commands.get(interaction.commandName);
      if (command?.autocomplete) await command.autocomplete(interaction, context);
      else await respondWithChoices(interaction, []);
    } else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      const command = commands.get(interaction.commandName);
      if (command) await command.execute(interaction, context);
      // A command registered by an older version of the bot, until Discord's list catches up.
      else await respond(interaction, renderNotice(Notices.unknownCommand), { ephemeral: true });
    } else if (interaction.isButton()) {
      const action = decodeButtonAction(interaction.customId);
      const handler = action && options.buttons.find((candidate) => candidate.kinds.includes(action.kind));
      if (action && handler) await handler.execute(interaction, action, context);
      else await respond(interaction, renderNotice(Notices.unknownButton), { ephemeral: true });
    }
  };
  return async (interaction) => {
    const started = Date.now();
    try {
      await route(interaction);
      context.logger.debug({ interaction: describe(interaction), ms: Date.now() - started }, 'interaction answered');
    } catch (error) {
      await handleFailure(interaction, error, context);
    }
  };
}

/** Logs a failed interaction and tells the user when that is still possible; never throws. */
export async function handleFailure(interaction: Interaction, error: unknown, context: BotContext): Promise<void> {
  const where = describe(interaction);
  if (isGoneInteraction(error)) {
    context.logger.warn({ interaction: where, code: discordErrorCode(error) }, 'interaction expired or already answered; dropped');
    return;
  }
  const missingPermissions = isMissingPermissions(error);
  if (missingPermissions) context.logger.warn({ interaction: where, err: describeError(error) }, 'missing permissions');
  else context.logger.error({ interaction: where, err: describeError(error) }, 'interaction handler failed');
  if (!interaction.isRepliable()) return;
  try {
    await respond(interaction as RepliableInteraction, renderNotice(missingPermissions ? Notices.missingPermissions : Notices.somethingWentWrong), { ephemeral: true });
  } catch (secondError) {
    context.logger.warn({ interaction: where, err: describeError(secondError) }, 'could not tell the user about the failure');
  }
}

function describe(interaction: Interaction): Record<string, unknown> {
  return {
    id: interaction.id,
    type: interaction.type,
    ...(interaction.isCommand() || interaction.isAutocomplete() ? { command: interaction.commandName } : {}),
    ...(interaction.isMessageComponent() ? { customId: interaction.customId } : {}),
    user: interaction.user.id,
    guild: interaction.guildId,
  };
}
