import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { BotConfig } from '../config.ts';
import type { AsyncEngine } from '../engine-host/index.ts';
import { createLogger } from '../logger.ts';
import { scrubbedError } from '../secrets.ts';
import { describeError } from './api-errors.ts';
import { createDiscordClient } from './client.ts';
import { commands } from './commands/index.ts';
import { buttonHandlers } from './components/index.ts';
import type { BotContext } from './context.ts';
import { createMentionHandler } from './mentions.ts';
import { createQuestionStore } from './question-store.ts';
import { createRateLimiter } from './rate-limit.ts';
import { createInteractionRouter } from './router.ts';

export interface StartBotOptions {
  config: BotConfig;
  /** Where answers come from (a worker-backed engine in production; the caller closes it). */
  engine: AsyncEngine;
  /** Makes the client (tests point it at a stand-in). @default createDiscordClient(config) */
  clientFactory?: (config: BotConfig) => Client;
  /** @default a pino logger on stderr that scrubs the token */
  logger?: Logger;
  /** The clock of the rate limiter. @default Date.now */
  now?: () => number;
  /** How many recent questions buttons can refer to. @default 1000 */
  questionCapacity?: number;
}

export interface RunningBot {
  client: Client;
  /** Destroys the client (idempotent). */
  stop(): Promise<void>;
}

/**
 * Logs in and answers from the corpus until stopped: slash commands, the message context
 * menu, buttons, mentions and DMs. Resolves once the client is ready. Commands are not
 * registered here (see deployCommands). The token never reaches a log line or an error.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, engine } = options;
  const logger = options.logger ?? createLogger({ secrets: [config.token] });
  const client = (options.clientFactory ?? ((settings) => createDiscordClient(settings)))(config);
  const context: BotContext = {
    engine,
    logger,
    questions: createQuestionStore({ capacity: options.questionCapacity }),
    rateLimiter: createRateLimiter({ max: config.rateLimit.questions, windowMs: config.rateLimit.windowSeconds * 1000, ...(options.now ? { now: options.now } : {}) }),
  };
  const route = createInteractionRouter({ commands, buttons: buttonHandlers, context });
  const onMessage = createMentionHandler(context);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ shard, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway session resumed'));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    logger.info('disconnected from Discord');
  };
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await stop();
    // Should a library ever put the token in the error, the caller must not print it.
    throw scrubbedError(error, [config.token]);
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'logged in to Discord');
  return { client, stop };
}
