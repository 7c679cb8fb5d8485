/**
 * Discord's limits on what a bot may send, in one place. Every outgoing payload is fitted
 * to these by `fitMessage` / `fitChoices` (src/render/fit.ts) before it leaves the bot.
 * Lengths are in UTF-16 code units, as Discord counts them.
 */
export const DiscordLimit = {
  /** Message content. */
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  /** Sum of title, description, field names and values, footer and author over all embeds of a message. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  /** Longest string option a slash command may declare. */
  stringOptionMaxLength: 6000,
  /** An interaction must be acknowledged within this time. */
  interactionAckMs: 3000,
} as const;

/** The marker appended where text was cut. */
export const ELLIPSIS = '…';
