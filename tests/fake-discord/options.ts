/** A guild the bot is a member of when it connects. */
export interface FakeGuildOptions {
  /** @default a fresh snowflake */
  id?: string;
  /** @default 'Test Guild' */
  name?: string;
  /** Text channels (type 0) of the guild. @default one channel named 'general' */
  channels?: { id?: string; name?: string }[];
}

/** Everything a test may tune about the fake; every field is optional. */
export interface FakeDiscordOptions {
  /** Bot token the client must present on REST (`Authorization: Bot …`) and in IDENTIFY. @default 'fake-bot-token' */
  token?: string;
  /** Application id, also the bot user id as on real Discord. @default a fresh snowflake */
  applicationId?: string;
  /** Username of the bot user. @default 'fake-bot' */
  botUsername?: string;
  /** Guilds the bot is in; each gets a GUILD_CREATE after READY. @default one guild with one text channel */
  guilds?: FakeGuildOptions[];
  /** Heartbeat interval announced in HELLO (op 10). Short so tests exercise heartbeats. @default 1000 */
  heartbeatIntervalMs?: number;
  /** Time after INTERACTION_CREATE within which the first callback must arrive, else 10062. @default 3000 */
  interactionResponseWindowMs?: number;
  /** Lifetime of an interaction token for edits and follow-ups, else 50027. @default 900000 (15 min) */
  interactionTokenLifetimeMs?: number;
  /** Reject message payloads over Discord's limits with 400 / 50035 like the real API. @default true */
  validatePayloads?: boolean;
  /** Filter dispatches by the intents sent in IDENTIFY and strip content without MessageContent. @default true */
  enforceIntents?: boolean;
}

/** Options with every field settled. */
export type ResolvedFakeDiscordOptions = Required<Omit<FakeDiscordOptions, 'applicationId' | 'guilds'>> & {
  applicationId: string | undefined;
  guilds: FakeGuildOptions[];
};

export const defaultFakeDiscordOptions = {
  token: 'fake-bot-token',
  applicationId: undefined,
  botUsername: 'fake-bot',
  guilds: [{}],
  heartbeatIntervalMs: 1_000,
  interactionResponseWindowMs: 3_000,
  interactionTokenLifetimeMs: 15 * 60_000,
  validatePayloads: true,
  enforceIntents: true,
} satisfies ResolvedFakeDiscordOptions;

export function resolveFakeDiscordOptions(options: FakeDiscordOptions = {}): ResolvedFakeDiscordOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  return { ...defaultFakeDiscordOptions, ...defined };
}
