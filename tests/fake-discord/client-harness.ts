import { Client, GatewayIntentBits, Partials, type ClientEvents, type ClientOptions } from 'discord.js';
import type { FakeDiscord } from './server.ts';

/** Client options for a test: everything optional, merged over the harness defaults. */
export type TestClientOptions = Partial<ClientOptions>;

/** Environment variables discord.js reads on its own (token, sharding); tests must not inherit them. */
export const CLIENT_ENV_KEYS = ['DISCORD_TOKEN', 'SHARDS', 'SHARD_COUNT'] as const;

/** Removes the variables in CLIENT_ENV_KEYS from process.env. */
export function scrubClientEnv(): void {
  for (const key of CLIENT_ENV_KEYS) delete process.env[key];
}

/**
 * A real discord.js Client pointed at the fake, logged in and past ClientReady.
 * Defaults: intents Guilds, GuildMessages, DirectMessages; partials Channel; REST timeout 2 s, no retries.
 */
export async function connectClient(fake: FakeDiscord, options: TestClientOptions = {}, timeoutMs = 5_000): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    ...options,
    rest: { api: fake.apiUrl, timeout: 2_000, retries: 0, ...options.rest },
  });
  const ready = nextEvent(client, 'clientReady', timeoutMs);
  try {
    await client.login(fake.token);
    const [readyClient] = await ready;
    return readyClient;
  } catch (error) {
    await client.destroy();
    throw error;
  }
}

/** The arguments of the next emission of a client event, or a rejection after timeoutMs. */
export function nextEvent<E extends keyof ClientEvents>(client: Client, event: E, timeoutMs = 2_000): Promise<ClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const listener = (...args: ClientEvents[E]) => {
      clearTimeout(timer);
      resolve(args);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`no ${String(event)} event within ${timeoutMs} ms`));
    }, timeoutMs);
    client.once(event, listener);
  });
}
