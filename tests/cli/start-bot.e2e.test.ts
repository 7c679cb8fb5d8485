import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/index.ts';
import { bodyOf, originalEditOf } from '../discord/harness.ts';
import { FakeDiscord } from '../fake-discord/index.ts';
import { PROJECT_ROOT } from '../fixtures/bundled.ts';
import { tempDir } from '../fixtures/temp-copy.ts';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

describe('npm start with a token, against the stand-in', () => {
  let fake: FakeDiscord;
  let bot: ChildProcess;
  let log = '';

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    await deployCommands({ token: fake.token, clientId: fake.applicationId, guildId: fake.guild.id, apiUrl: fake.apiUrl });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      CORPUS_DIR: 'corpus',
      INDEX_CACHE_PATH: join(tempDir('start-bot-'), 'index.json'),
      ENGINE_WORKER: 'on',
      LOG_LEVEL: 'info',
    };
    for (const key of ['SHARDS', 'SHARD_COUNT', 'FORCE_COLOR']) delete env[key];
    bot = spawn(TSX, ['src/main.ts'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    bot.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    bot.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    await waitFor(() => log.includes('logged in to Discord') || bot.exitCode !== null, 25_000);
  });

  afterAll(async () => {
    if (bot && bot.exitCode === null) {
      const exited = new Promise((resolve) => bot.once('exit', resolve));
      bot.kill('SIGTERM');
      await exited;
    }
    await fake?.close();
  });

  it('opens the engine in a worker thread and answers /ask from it', async () => {
    expect(log).toContain('logged in to Discord');
    const ready = log.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry['msg'] === 'corpus ready');
    expect(ready).toMatchObject({ engine: 'worker', documents: 5 });
    const sent = fake.sendSlashCommand({ name: 'ask', options: { question: 'how many drones did Iran send?' } });
    const edit = await originalEditOf(fake, sent, 10_000);
    expect((bodyOf(edit)['embeds'] as unknown[]).length).toBe(3);
  });

  it('disconnects and exits 0 on SIGTERM, never logging the token', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toContain('disconnected from Discord');
    expect(log).not.toContain(fake.token);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
}
