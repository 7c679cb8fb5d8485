import {
  MessageFlags,
  type AutocompleteInteraction,
  type BaseMessageOptions,
  type Message,
  type MessageComponentInteraction,
  type RepliableInteraction,
  type SendableChannels,
} from 'discord.js';
import { fitChoices, fitMessage } from '../render/fit.ts';
import type { Choice, MessagePayload } from '../render/types.ts';

/** Mentions are never parsed from our text: quoted corpus text or echoed questions cannot ping. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false } as const;

export interface DeliveryOptions {
  /** Only the invoking user sees the message (interaction replies and follow-ups). @default false */
  ephemeral?: boolean;
}

/**
 * THE function every outgoing message payload passes through: fits it within Discord's
 * limits (src/render/limits.ts) and sets allowedMentions to parse nothing.
 */
export function toDiscordMessage(payload: MessagePayload): BaseMessageOptions & { allowedMentions: typeof NO_MENTIONS } {
  const fitted = fitMessage(payload);
  return {
    ...(fitted.content !== undefined ? { content: fitted.content } : {}),
    embeds: fitted.embeds ?? [],
    components: (fitted.components ?? []) as unknown as BaseMessageOptions['components'] & object,
    allowedMentions: NO_MENTIONS,
  };
}

/** Acknowledges now and answers later; a deferral carries only the ephemeral flag. */
export async function defer(interaction: RepliableInteraction, options: DeliveryOptions = {}): Promise<void> {
  await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
}

/**
 * Answers an interaction whatever its state: reply when not acknowledged, edit the deferred
 * reply, or follow up once already replied.
 */
export async function respond(interaction: RepliableInteraction, payload: MessagePayload, options: DeliveryOptions = {}): Promise<void> {
  const message = toDiscordMessage(payload);
  const flags = options.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  if (interaction.deferred && !interaction.replied) await interaction.editReply(message);
  else if (interaction.replied) await interaction.followUp({ ...message, ...flags });
  else await interaction.reply({ ...message, ...flags });
}

/** Acknowledges a button that will replace its own message (callback type 6); then `respond` edits that message. */
export async function deferUpdate(interaction: MessageComponentInteraction): Promise<void> {
  await interaction.deferUpdate();
}

/** Replaces the message a button is on (callback type 7). */
export async function update(interaction: MessageComponentInteraction, payload: MessagePayload): Promise<void> {
  await interaction.update(toDiscordMessage(payload));
}

/** Posts a new message in a channel. */
export async function sendToChannel(channel: SendableChannels, payload: MessagePayload): Promise<Message> {
  return channel.send(toDiscordMessage(payload));
}

/** Replies to a user's message (without pinging them). */
export async function replyToMessage(message: Message, payload: MessagePayload): Promise<Message> {
  return message.reply({ ...toDiscordMessage(payload), failIfNotExists: false });
}

/** Answers an autocomplete with at most 25 valid choices. */
export async function respondWithChoices(interaction: AutocompleteInteraction, choices: readonly Choice[]): Promise<void> {
  await interaction.respond(fitChoices(choices));
}

/** True when the message a button sits on is ephemeral (only the clicker sees it). */
export function isEphemeralMessage(interaction: MessageComponentInteraction): boolean {
  return interaction.message.flags.has(MessageFlags.Ephemeral);
}
