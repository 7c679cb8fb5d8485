import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { ButtonAction } from '../render/custom-ids.ts';
import type { AsyncEngine } from '../engine-host/index.ts';
import type { QuestionStore } from './question-store.ts';
import type { RateLimiter } from './rate-limit.ts';

/** What every handler gets: the engine and the bot's small bits of state. */
export interface BotContext {
  /** Answers off the event loop when it runs in a worker: always await it. */
  engine: AsyncEngine;
  questions: QuestionStore;
  rateLimiter: RateLimiter;
  logger: Logger;
}

/** A command as in the discord.js template: its registration data and how it runs. */
export interface Command {
  data: RESTPostAPIApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** Handles the buttons whose decoded action has one of these kinds. */
export interface ButtonHandler {
  kinds: readonly ButtonAction['kind'][];
  execute(interaction: ButtonInteraction, action: ButtonAction, context: BotContext): Promise<void>;
}
