import { describe, expect, it } from 'vitest';
import { startWorkerEngine } from '../../src/engine-host/index.ts';
import type { FakeMessage } from '../fake-discord/index.ts';
import { bundledSource, FAULTY_WORKER, longestTimerDelay } from '../engine-host/helpers.ts';
import { ackDelay, bodyOf, callbackData, callbackOf, customIds, originalEditOf, timed, useBot } from './harness.ts';

type Embed = { title?: string; description?: string; footer?: { text: string } };
const QUESTION = 'how many drones did Iran send?';

describe('the bot answering from a worker thread, against the stand-in', () => {
  const h = useBot({ openEngine: async () => (await startWorkerEngine({ source: bundledSource() })).engine });

  it('answers /ask with cited excerpts computed in the worker, then opens a full passage from a button', async () => {
    expect(h.engine.kind).toBe('worker');
    const sent = timed(() => h.fake.sendSlashCommand({ name: 'ask', options: { question: QUESTION } }));
    const callback = await callbackOf(h.fake, sent);
    expect(bodyOf(callback)['type']).toBe(5);
    expect(ackDelay(sent, callback)).toBeLessThan(1000);
    const body = bodyOf(await originalEditOf(h.fake, sent));
    const embeds = body['embeds'] as Embed[];
    expect(embeds).toHaveLength(3);
    for (const embed of embeds) expect(embed.footer?.text).toMatch(/passage [\w-]+#\d+/);
    const open = customIds(body).find((id) => id.startsWith('passage:open:'))!;
    const message = h.fake.message(h.fake.interaction(sent.id)!.originalMessageId!) as FakeMessage;
    const passage = callbackData(await callbackOf(h.fake, h.fake.sendButton({ customId: open, message })));
    expect((passage['embeds'] as Embed[])[0]?.footer?.text).toMatch(/passage [\w-]+#\d+/);
  });

  it('autocompletes /ask and /source through the worker', async () => {
    const questions = callbackData(await callbackOf(h.fake, h.fake.sendAutocomplete({ name: 'ask', options: { question: 'how many dro' }, focused: 'question' })));
    expect(questions['choices']).toContainEqual({ name: 'how many drones', value: 'how many drones' });
    const passages = callbackData(await callbackOf(h.fake, h.fake.sendAutocomplete({ name: 'source', options: { id: 'alabuga' }, focused: 'id' })));
    const choices = passages['choices'] as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) expect(choice.name).toMatch(/^[\w-]+#\d+ · /);
  });

  it('answers a mention from the worker', async () => {
    const message = h.fake.sendMessage({ content: `${QUESTION}`, mentionsBot: true });
    const post = await h.fake.waitForRequest((request) => request.method === 'POST' && (bodyOf(request)['message_reference'] as { message_id?: string } | undefined)?.message_id === message.id);
    expect((bodyOf(post)['embeds'] as unknown[]).length).toBe(3);
  });
});

describe('a misbehaving engine worker behind the bot, against the stand-in', () => {
  const h = useBot({
    openEngine: async () => (await startWorkerEngine({ source: bundledSource(), workerModule: FAULTY_WORKER, requestTimeoutMs: 5_000 })).engine,
  });
  const ask = (question: string) => timed(() => h.fake.sendSlashCommand({ name: 'ask', options: { question } }));

  async function expectAnswered(): Promise<void> {
    const sent = ask(QUESTION);
    expect((bodyOf(await originalEditOf(h.fake, sent))['embeds'] as unknown[]).length).toBeGreaterThan(0);
  }

  it('answers "Something went wrong" when the engine throws in the worker, logs it, and keeps answering', async () => {
    const sent = ask('explode please');
    expect(bodyOf(await originalEditOf(h.fake, sent))['content']).toMatch(/Something went wrong/);
    const failure = h.log.entries().find((entry) => entry['msg'] === 'interaction handler failed');
    expect(JSON.stringify(failure)).toContain('engine exploded');
    await expectAnswered();
  });

  it('answers "Something went wrong" when the worker crashes mid-question, then answers from the restarted worker', async () => {
    const sent = ask('crash now');
    expect(bodyOf(await originalEditOf(h.fake, sent, 5_000))['content']).toMatch(/Something went wrong/);
    await expectAnswered();
  });

  it("acknowledges other users' autocomplete while the worker answers slow questions, and keeps timers on time", async () => {
    const slow = [ask(`slow 700 ${QUESTION}`), ask(`slow 700 Who is Jack Watling?`), ask(`slow 700 Shahed drones Alabuga`)];
    for (const sent of slow) expect(bodyOf(await callbackOf(h.fake, sent))['type']).toBe(5);
    let docs = 0;
    let questions = 0;
    const delay = await longestTimerDelay(async () => {
      // /docs autocomplete needs only the bot's thread.
      const docsSent = timed(() => h.fake.sendAutocomplete({ name: 'docs', options: { document: 'drone' }, focused: 'document' }));
      docs = ackDelay(docsSent, await callbackOf(h.fake, docsSent));
      // /ask autocomplete needs the worker: it waits for the question in progress, not for the queue.
      const askSent = timed(() => h.fake.sendAutocomplete({ name: 'ask', options: { question: 'how many dro' }, focused: 'question' }));
      questions = ackDelay(askSent, await callbackOf(h.fake, askSent));
      for (const sent of slow) await originalEditOf(h.fake, sent, 5_000);
    });
    // The worker computes for 2.1 s in all; bounds are generous for busy machines.
    expect(docs).toBeLessThan(500);
    expect(questions).toBeLessThan(1_500);
    expect(delay).toBeLessThan(200);
  });
});
