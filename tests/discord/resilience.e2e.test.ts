import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/search/index.ts';
import { DiscordErrors, type FakeMessage } from '../fake-discord/index.ts';
import { ackDelay, bodyOf, callbackData, callbackOf, corpusEngine, customIds, originalEditOf, timed, useBot } from './harness.ts';

let now = 1_000_000;
const base = corpusEngine();
/** The corpus engine, except that one question makes it throw. */
const engine: Engine = { ...base, ask: (question, options) => (question === 'explode please' ? failing() : base.ask(question, options)) };

function failing(): never {
  throw new Error('engine exploded');
}

describe('the bot stays up, against the stand-in', () => {
  const rateLimit = { questions: 3, windowSeconds: 30 };
  const h = useBot({ engine, now: () => now, rateLimit });
  const askAnything = () => timed(() => h.fake.sendSlashCommand({ name: 'ask', options: { question: 'Who supplies drones to Russia?' } }));

  async function expectAnswered(): Promise<void> {
    now += 60_000;
    const sent = askAnything();
    expect(bodyOf(await callbackOf(h.fake, sent))['type']).toBe(5);
    expect(((bodyOf(await originalEditOf(h.fake, sent))['embeds'] as unknown[]) ?? []).length).toBeGreaterThan(0);
  }

  it('answers over the rate limit with a friendly ephemeral note, then lets the user ask again', async () => {
    now += 60_000;
    for (let i = 0; i < 3; i += 1) expect(bodyOf(await callbackOf(h.fake, askAnything()))['type']).toBe(5);
    const limited = await callbackOf(h.fake, askAnything());
    expect(bodyOf(limited)['type']).toBe(4);
    expect(callbackData(limited)).toMatchObject({ flags: 64, content: expect.stringMatching(/wait 30 seconds/) });
    now += 30_000;
    expect(bodyOf(await callbackOf(h.fake, askAnything()))['type']).toBe(5);
  });

  it.each([
    ['More results', 'ask:more:'],
    ['Share', 'ask:share:'],
  ])('counts %s against the rate limit, since it asks the engine again', async (_button, prefix) => {
    now += 60_000;
    const sent = askAnything();
    await callbackOf(h.fake, sent);
    const button = customIds(bodyOf(await originalEditOf(h.fake, sent))).find((id) => id.startsWith(prefix));
    // The answer carries the button; without it there is nothing to click.
    if (button === undefined) expect.fail(`the answer has no ${prefix} button`);
    // The first ask counts too: the rest of the window's questions, then the button is one too many.
    for (let i = 1; i < rateLimit.questions; i += 1) expect(bodyOf(await callbackOf(h.fake, askAnything()))['type']).toBe(5);
    const limited = await callbackOf(h.fake, h.fake.sendButton({ customId: button }));
    expect(bodyOf(limited)['type']).toBe(4);
    expect(callbackData(limited)).toMatchObject({ flags: 64, content: expect.stringMatching(/wait \d+ seconds?/) });
  });

  it('answers "Something went wrong" ephemerally when a handler fails, and logs it', async () => {
    now += 60_000;
    const sent = h.fake.sendSlashCommand({ name: 'ask', options: { question: 'explode please' } });
    expect(bodyOf(await callbackOf(h.fake, sent))['type']).toBe(5);
    expect(bodyOf(await originalEditOf(h.fake, sent))['content']).toMatch(/Something went wrong/);
    expect(h.log.entries().some((entry) => entry['msg'] === 'interaction handler failed')).toBe(true);
    await expectAnswered();
  });

  it('resumes after a gateway disconnect and answers a later interaction', async () => {
    const session = h.fake.waitForSession();
    h.fake.disconnectAll();
    expect((await session).t).toBe('RESUMED');
    await expectAnswered();
  });

  it('identifies again after a non-resumable close and answers a later interaction', async () => {
    const session = h.fake.waitForSession();
    h.fake.invalidateSessions(false);
    expect((await session).t).toBe('READY');
    await expectAnswered();
  });

  it('drops an interaction Discord calls unknown (10062) and keeps going', async () => {
    now += 60_000;
    h.fake.failNext({ method: 'POST', pathPattern: /^\/interactions\/.+\/callback$/, ...DiscordErrors.unknownInteraction });
    const sent = askAnything();
    await h.fake.waitForRequest((request) => request.path === sent.callbackPath && request.status === 404);
    await expect.poll(() => h.log.entries().some((entry) => entry['msg'] === 'interaction expired or already answered; dropped')).toBe(true);
    await expectAnswered();
  });

  it('waits out a 429 with Retry-After and still acknowledges within 3 s', async () => {
    now += 60_000;
    h.fake.failNext({ method: 'POST', pathPattern: /^\/interactions\/.+\/callback$/, ...DiscordErrors.rateLimited(0.3) });
    const sent = askAnything();
    const callback = await callbackOf(h.fake, sent);
    expect(ackDelay(sent, callback)).toBeGreaterThanOrEqual(250);
    expect(ackDelay(sent, callback)).toBeLessThan(3000);
    expect(bodyOf(await originalEditOf(h.fake, sent))['embeds']).not.toHaveLength(0);
  });

  it('answers "Something went wrong" when Discord fails with a 500', async () => {
    now += 60_000;
    h.fake.failNext({ method: 'POST', pathPattern: /^\/interactions\/.+\/callback$/, ...DiscordErrors.serverError });
    const sent = askAnything();
    const fallback = await callbackOf(h.fake, sent);
    expect(bodyOf(fallback)['type']).toBe(4);
    expect(callbackData(fallback)).toMatchObject({ flags: 64, content: expect.stringMatching(/Something went wrong/) });
    await expectAnswered();
  });

  it('explains missing permissions (50013) when sharing, ephemerally', async () => {
    now += 60_000;
    const sent = askAnything();
    const body = bodyOf(await originalEditOf(h.fake, sent));
    const share = customIds(body).find((id) => id.startsWith('ask:share:'))!;
    const message = h.fake.message(h.fake.interaction(sent.id)!.originalMessageId!) as FakeMessage;
    h.fake.failNext({ method: 'POST', pathPattern: `/channels/${h.fake.channel.id}/messages`, ...DiscordErrors.missingPermissions });
    const click = h.fake.sendButton({ customId: share, message });
    expect(callbackData(await callbackOf(h.fake, click))).toEqual({ flags: 64 });
    expect(bodyOf(await originalEditOf(h.fake, click))['content']).toMatch(/permission/);
    await expectAnswered();
  });

  it('logs a mention it may not answer (50013) and keeps going', async () => {
    now += 60_000;
    h.fake.failNext({ method: 'POST', pathPattern: `/channels/${h.fake.channel.id}/messages`, ...DiscordErrors.missingPermissions });
    h.fake.sendMessage({ content: 'Who supplies drones to Russia?', mentionsBot: true });
    await expect.poll(() => h.log.entries().some((entry) => entry['msg'] === 'cannot reply to mention: missing permissions')).toBe(true);
    await expectAnswered();
  });

  it('never logs the token', () => {
    expect(h.log.lines.length).toBeGreaterThan(0);
    for (const line of h.log.lines) expect(line).not.toContain(h.fake.token);
  });
});
