import type { Message } from 'discord.js';
import { Notices, renderNotice } from '../render/notices.ts';
import { describeError, isMissingPermissions } from './api-errors.ts';
import { answerFor, rateLimitNotice } from './asking.ts';
import type { BotContext } from './context.ts';
import { replyToMessage } from './respond.ts';

/**
 * The question in a message for the bot, or undefined when the message is not for it:
 * a DM, or a channel message that mentions the bot (the mention is stripped). Messages
 * from bots, including itself, are ignored.
 */
export function questionInMessage(message: Pick<Message, 'author' | 'content' | 'guildId' | 'system'>, botId: string): string | undefined {
  if (message.author.bot || message.author.id === botId || message.system) return undefined;
  // Most channel messages are not for the bot: skip them before building the pattern.
  if (message.guildId !== null && !message.content.includes(botId)) return undefined;
  const mention = new RegExp(`<@!?${botId}>`, 'g');
  const mentioned = mention.test(message.content);
  if (message.guildId !== null && !mentioned) return undefined;
  return message.content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Answers mentions and DMs with a public reply to the message. Never rejects: failures are
 * logged (and answered "Something went wrong" when the bot may still post there).
 */
export function createMentionHandler(context: BotContext): (message: Message) => Promise<void> {
  return async (message) => {
    const botId = message.client.user.id;
    const question = questionInMessage(message, botId);
    if (question === undefined) return;
    try {
      const payload = rateLimitNotice(context, message.author.id) ?? (await answerFor(context, question, { visibility: 'public' }));
      await replyToMessage(message, payload);
    } catch (error) {
      const where = { message: message.id, channel: message.channelId, guild: message.guildId };
      if (isMissingPermissions(error)) {
        context.logger.warn({ ...where, err: describeError(error) }, 'cannot reply to mention: missing permissions');
        return;
      }
      context.logger.error({ ...where, err: describeError(error) }, 'mention handler failed');
      await replyToMessage(message, renderNotice(Notices.somethingWentWrong)).catch((secondError: unknown) =>
        context.logger.warn({ ...where, err: describeError(secondError) }, 'could not tell the user about the failure'),
      );
    }
  };
}
