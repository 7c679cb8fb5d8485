import type { RepliableInteraction } from 'discord.js';
import { renderAnswerForDiscord, type AnswerRenderOptions } from '../render/answer.ts';
import { Notices, renderNotice } from '../render/notices.ts';
import type { MessagePayload } from '../render/types.ts';
import type { BotContext } from './context.ts';
import { respond } from './respond.ts';
import { clampInteger } from '../text/clamp.ts';

/** Excerpts per answer unless the user asks for another number. */
export const DEFAULT_RESULTS = 3;
/** Most excerpts one answer may show (the `results` option's maximum). */
export const MAX_RESULTS = 5;

/**
 * Asks the engine and renders the answer with a key to the question for its buttons.
 * The question is remembered so "More results" and "Share" can recompute the answer.
 */
export async function answerFor(
  context: BotContext,
  question: string,
  options: Omit<AnswerRenderOptions, 'questionKey'> & { offset?: number; limit?: number } = {},
): Promise<MessagePayload> {
  const limit = clampInteger(options.limit ?? DEFAULT_RESULTS, 1, MAX_RESULTS);
  const offset = clampInteger(options.offset ?? 0, 0, 1000);
  const answer = await context.engine.ask(question, { limit, offset });
  const questionKey = context.questions.remember(question);
  return renderAnswerForDiscord(answer, { ...options, questionKey, offset, limit });
}

/** The friendly rate-limit note for a user over the limit, or undefined when they may ask. */
export function rateLimitNotice(context: BotContext, userId: string): MessagePayload | undefined {
  const decision = context.rateLimiter.take(userId);
  return decision.allowed ? undefined : renderNotice(Notices.rateLimited(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
}

/** Counts a question; when over the limit, answers ephemerally with the note and returns false. */
export async function admitQuestion(interaction: RepliableInteraction, context: BotContext): Promise<boolean> {
  const notice = rateLimitNotice(context, interaction.user.id);
  if (notice === undefined) return true;
  context.logger.info({ user: interaction.user.id }, 'rate limited');
  await respond(interaction, notice, { ephemeral: true });
  return false;
}
