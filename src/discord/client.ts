import { Client, GatewayIntentBits, Partials, type ClientOptions as DiscordClientOptions } from 'discord.js';
import type { BotConfig } from '../config.ts';

export interface ClientOptions {
  /** Milliseconds before a REST request is abandoned. @default 15000 */
  restTimeoutMs?: number;
  /** Retries of a REST request after a 5xx or a timeout. @default 3 */
  restRetries?: number;
  /** Gateway (WebSocket manager) options, e.g. a test's identify throttler. @default discord.js defaults */
  ws?: DiscordClientOptions['ws'];
}

export const defaultClientOptions = { restTimeoutMs: 15_000, restRetries: 3 } as const;

/** The intents the bot needs; none is privileged (mentions and DMs carry their content anyway). */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

/**
 * A discord.js client for the bot: non-privileged intents, Partials.Channel for DMs, REST at
 * the configured base URL (the gateway address comes from that API), and no mention parsing
 * by default. Logging in is up to the caller.
 */
export function createDiscordClient(config: Pick<BotConfig, 'apiUrl'>, options: ClientOptions = {}): Client {
  const settings = { ...defaultClientOptions, ...options };
  return new Client({
    intents: [...BOT_INTENTS],
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { api: config.apiUrl, timeout: settings.restTimeoutMs, retries: settings.restRetries },
    ...(settings.ws ? { ws: settings.ws } : {}),
  });
}
