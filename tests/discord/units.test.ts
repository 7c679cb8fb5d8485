import { describe, expect, it, vi } from 'vitest';
import { questionInMessage } from '../../src/discord/mentions.ts';
import { createQuestionStore } from '../../src/discord/question-store.ts';
import { createRateLimiter } from '../../src/discord/rate-limit.ts';
import { installShutdown, type ShutdownProcess } from '../../src/discord/shutdown.ts';
import { commandDefinitions } from '../../src/discord/deploy.ts';

describe('rate limiter', () => {
  it('allows 5 questions per 30 s per user, then says how long to wait', () => {
    let now = 1_000_000;
    const limiter = createRateLimiter({ max: 5, windowMs: 30_000, now: () => now });
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.take('alice')).toEqual({ allowed: true });
      now += 1_000;
    }
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterMs: 25_000 });
    expect(limiter.take('bob')).toEqual({ allowed: true });
    now += 25_000;
    expect(limiter.take('alice')).toEqual({ allowed: true });
  });
});

describe('question store', () => {
  it('gives the same short key to the same question and recalls it', () => {
    const store = createQuestionStore();
    const question = 'x'.repeat(6000);
    const key = store.remember(question);
    expect(key).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(store.remember(question)).toBe(key);
    expect(store.recall(key)).toBe(question);
  });

  it('forgets the least recently used question beyond its capacity', () => {
    const store = createQuestionStore({ capacity: 2 });
    const a = store.remember('a');
    const b = store.remember('b');
    store.recall(a);
    store.remember('c');
    expect(store.recall(a)).toBe('a');
    expect(store.recall(b)).toBeUndefined();
    expect(store.size).toBe(2);
  });
});

describe('questionInMessage', () => {
  const bot = '999';
  const user = { id: '1', bot: false };
  it.each([
    ['strips the mention in a channel', { content: '<@999> how many drones did Iran send?', guildId: 'g' }, 'how many drones did Iran send?'],
    ['strips a nickname mention anywhere', { content: 'so <@!999>, who supplies drones?', guildId: 'g' }, 'so , who supplies drones?'],
    ['ignores channel messages without the mention', { content: 'drones', guildId: 'g' }, undefined],
    ['takes every DM as a question', { content: 'drones?', guildId: null }, 'drones?'],
    ['gives an empty question for a bare mention', { content: '<@999>', guildId: 'g' }, ''],
  ])('%s', (_, message, expected) => {
    expect(questionInMessage({ author: user, system: false, ...message } as never, bot)).toBe(expected);
  });

  it('ignores bots and itself', () => {
    expect(questionInMessage({ author: { id: '2', bot: true }, content: '<@999> hi', guildId: 'g', system: false } as never, bot)).toBeUndefined();
    expect(questionInMessage({ author: { id: bot, bot: false }, content: '<@999> hi', guildId: null, system: false } as never, bot)).toBeUndefined();
  });
});

describe('installShutdown', () => {
  function fakeProcess() {
    const listeners = new Map<string, () => void>();
    const processLike = {
      on: vi.fn((event: string, listener: () => void) => listeners.set(event, listener)),
      off: vi.fn((event: string) => listeners.delete(event)),
      exit: vi.fn(),
    };
    return { processLike: processLike as unknown as ShutdownProcess & typeof processLike, listeners };
  }

  it.each(['SIGINT', 'SIGTERM'])('on %s stops once, then exits 0', async (signal) => {
    const { processLike, listeners } = fakeProcess();
    const stop = vi.fn(async () => undefined);
    installShutdown(stop, processLike);
    listeners.get(signal)!();
    listeners.get(signal)!();
    await vi.waitFor(() => expect(processLike.exit).toHaveBeenCalledWith(0));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('exits 1 when stopping fails, and can be uninstalled', async () => {
    const { processLike, listeners } = fakeProcess();
    const uninstall = installShutdown(async () => Promise.reject(new Error('stuck')), processLike);
    listeners.get('SIGTERM')!();
    await vi.waitFor(() => expect(processLike.exit).toHaveBeenCalledWith(1));
    uninstall();
    expect(listeners.size).toBe(0);
  });
});

describe('command definitions', () => {
  it('registers /ask, /source, /docs and the Find sources context menu within Discord limits', () => {
    const definitions = commandDefinitions();
    expect(definitions.map((command) => command.name)).toEqual(['ask', 'source', 'docs', 'Find sources']);
    const ask = definitions[0]! as { options: { name: string; max_length?: number; min_value?: number; max_value?: number; autocomplete?: boolean }[] };
    expect(ask.options).toMatchObject([
      { name: 'question', max_length: 6000, autocomplete: true },
      { name: 'results', min_value: 1, max_value: 5 },
      { name: 'public' },
    ]);
    for (const command of definitions) {
      expect(command.name.length).toBeLessThanOrEqual(32);
      expect(((command as { description?: string }).description ?? '').length).toBeLessThanOrEqual(100);
    }
  });
});
