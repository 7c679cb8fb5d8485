import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotConfig } from '../../src/config.ts';
import { createDiscordClient, deployCommands, startBot } from '../../src/discord/index.ts';
import { FakeDiscord } from '../fake-discord/index.ts';
import { captureLog, corpusAsyncEngine } from './harness.ts';

describe('deploying commands and starting, stopping the bot', () => {
  let fake: FakeDiscord;
  let config: BotConfig;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    fake = await FakeDiscord.start();
    config = { token: fake.token, clientId: undefined, guildId: undefined, apiUrl: fake.apiUrl, rateLimit: { questions: 5, windowSeconds: 30 } };
  });

  afterAll(async () => {
    await fake.close();
    process.off('unhandledRejection', onRejection);
    expect(rejections).toEqual([]);
  });

  it('registers the commands in a guild when DISCORD_GUILD_ID is set', async () => {
    const result = await deployCommands({ ...config, clientId: fake.applicationId, guildId: fake.guild.id });
    expect(result).toEqual({ scope: 'guild', applicationId: fake.applicationId, guildId: fake.guild.id, names: ['ask', 'source', 'docs', 'Find sources'] });
    expect(fake.commands(fake.guild.id).map((command) => command.name)).toEqual(['ask', 'source', 'docs', 'Find sources']);
  });

  it('registers globally otherwise, looking the application id up from the token', async () => {
    const result = await deployCommands(config);
    expect(result.scope).toBe('global');
    expect(result.applicationId).toBe(fake.applicationId);
    expect(fake.commands().map((command) => command.type)).toEqual([1, 1, 1, 3]);
  });

  it('logs in with non-privileged intents, never registers commands at startup, and stops cleanly', async () => {
    fake.clearRecords();
    const log = captureLog([fake.token]);
    const bot = await startBot({ config, engine: corpusAsyncEngine(), logger: log.logger, clientFactory: (settings) => createDiscordClient(settings, { restRetries: 0, restTimeoutMs: 2000 }) });
    expect(bot.client.isReady()).toBe(true);
    expect(bot.client.guilds.cache.has(fake.guild.id)).toBe(true);
    const identify = fake.gatewayFrames.find((frame) => frame.direction === 'received' && frame.op === 2);
    expect((identify?.d as { intents: number }).intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    expect(fake.requests.filter((request) => request.path.includes('/commands'))).toEqual([]);
    await bot.stop();
    await bot.stop();
    expect(bot.client.isReady()).toBe(false);
    await expect.poll(() => fake.connectedSessions).toBe(0);
    for (const line of log.lines) expect(line).not.toContain(fake.token);
  });

  it('rejects a wrong token without putting it in the error or the log', async () => {
    const log = captureLog(['wrong-token-value']);
    const attempt = startBot({
      config: { ...config, token: 'wrong-token-value' },
      engine: corpusAsyncEngine(),
      logger: log.logger,
      clientFactory: (settings) => createDiscordClient(settings, { restRetries: 0, restTimeoutMs: 2000 }),
    });
    const error = await attempt.then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error?.message)).not.toContain('wrong-token-value');
    for (const line of log.lines) expect(line).not.toContain('wrong-token-value');
  });
});
