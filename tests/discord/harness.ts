import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import type { BotConfig } from '../../src/config.ts';
import { createDiscordClient, deployCommands, startBot, type RunningBot } from '../../src/discord/index.ts';
import { inProcessEngine, type AsyncEngine } from '../../src/engine-host/index.ts';
import { createLogger } from '../../src/logger.ts';
import { createEngine, type Engine } from '../../src/search/index.ts';
import { FakeDiscord, type FakeDiscordOptions, type RecordedRequest, type SentInteraction } from '../fake-discord/index.ts';

/** The client reads these from the environment; tests must not inherit them. */
for (const key of ['DISCORD_TOKEN', 'SHARDS', 'SHARD_COUNT']) delete process.env[key];

let sharedEngine: Engine | undefined;

/** The bundled corpus's engine, built once per test file. */
export function corpusEngine(): Engine {
  sharedEngine ??= createEngine(loadCorpus('corpus'));
  return sharedEngine;
}

/** The bundled corpus's engine behind the async interface, answering on this thread. */
export function corpusAsyncEngine(): AsyncEngine {
  return inProcessEngine(corpusEngine());
}

/** Log lines written by the bot, parsed. */
export interface CapturedLog {
  lines: string[];
  logger: Logger;
  entries(): Record<string, unknown>[];
}

export function captureLog(secrets: readonly string[] = []): CapturedLog {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', secrets, destination: { write: (line: string) => destination.write(line) } });
  return { lines, logger, entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

export interface Harness {
  fake: FakeDiscord;
  engine: AsyncEngine;
  bot: RunningBot;
  log: CapturedLog;
  config: BotConfig;
  /** Unhandled rejections seen while the bot ran (must stay empty). */
  rejections: unknown[];
}

export interface HarnessOptions {
  fake?: FakeDiscordOptions;
  rateLimit?: BotConfig['rateLimit'];
  now?: () => number;
  restRetries?: number;
  /** Answered on the test's thread. @default the bundled corpus's engine */
  engine?: Engine;
  /** Opens the engine the bot answers from (e.g. in a worker); closed after the file. Wins over `engine`. */
  openEngine?: () => Promise<AsyncEngine>;
}

/**
 * Starts the fake Discord, registers the commands there and starts the real bot against it,
 * once per file; fails a test when an unhandled rejection happens. Always destroys the client
 * before closing the fake.
 */
export function useBot(options: HarnessOptions = {}): Harness {
  const harness = {} as Harness;
  harness.rejections = [];
  const onRejection = (reason: unknown) => harness.rejections.push(reason);
  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    harness.fake = await FakeDiscord.start(options.fake);
    harness.config = {
      token: harness.fake.token,
      clientId: harness.fake.applicationId,
      guildId: harness.fake.guild.id,
      apiUrl: harness.fake.apiUrl,
      rateLimit: options.rateLimit ?? { questions: 1000, windowSeconds: 30 },
    };
    await deployCommands(harness.config);
    harness.log = captureLog([harness.fake.token]);
    harness.engine = options.openEngine ? await options.openEngine() : inProcessEngine(options.engine ?? corpusEngine());
    harness.bot = await startBot({
      config: harness.config,
      engine: harness.engine,
      logger: harness.log.logger,
      clientFactory: (config) => createDiscordClient(config, {
          restTimeoutMs: 2_000,
          restRetries: options.restRetries ?? 0,
          // Skip discord.js's 5 s identify throttle so re-identify tests stay fast.
          ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
        }),
      ...(options.now ? { now: options.now } : {}),
    });
  });
  afterEach(() => {
    expect(harness.rejections).toEqual([]);
  });
  afterAll(async () => {
    await harness.bot?.stop();
    await harness.engine?.close();
    await harness.fake?.close();
    process.off('unhandledRejection', onRejection);
  });
  return harness;
}

/** The first interaction callback the bot made (POST /interactions/{id}/{token}/callback). */
export function callbackOf(fake: FakeDiscord, sent: SentInteraction, timeoutMs = 2_500): Promise<RecordedRequest> {
  return fake.waitForRequest((request) => request.method === 'POST' && request.path === sent.callbackPath && request.status < 300, timeoutMs);
}

/** The edit of the deferred reply (PATCH /webhooks/{app}/{token}/messages/@original). */
export function originalEditOf(fake: FakeDiscord, sent: SentInteraction, timeoutMs = 2_500): Promise<RecordedRequest> {
  return fake.waitForRequest((request) => request.method === 'PATCH' && request.path === `${sent.webhookPath}/messages/@original`, timeoutMs);
}

/** A follow-up message (POST /webhooks/{app}/{token}). */
export function followUpOf(fake: FakeDiscord, sent: SentInteraction, timeoutMs = 2_500): Promise<RecordedRequest> {
  return fake.waitForRequest((request) => request.method === 'POST' && request.path === sent.webhookPath, timeoutMs);
}

/** Milliseconds between sending an interaction and the bot's first callback. */
export function ackDelay(sent: SentInteraction, callback: RecordedRequest): number {
  return callback.at - (sentAt.get(sent.id) ?? callback.at);
}

const sentAt = new Map<string, number>();

/** Sends through the fake and remembers when, for ackDelay. */
export function timed(send: () => SentInteraction): SentInteraction {
  const before = Date.now();
  const sent = send();
  sentAt.set(sent.id, before);
  return sent;
}

export function bodyOf(request: RecordedRequest): Record<string, unknown> {
  return (request.body ?? {}) as Record<string, unknown>;
}

/** The `data` of an interaction callback body. */
export function callbackData(request: RecordedRequest): Record<string, unknown> {
  return (bodyOf(request)['data'] ?? {}) as Record<string, unknown>;
}

/** Every custom_id in a message body's components. */
export function customIds(body: Record<string, unknown>): string[] {
  const rows = (body['components'] ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((row) => row.components.map((button) => button.custom_id ?? ''));
}
