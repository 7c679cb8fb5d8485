import { describe, expect, it } from 'vitest';
import type { FakeMessage } from '../fake-discord/index.ts';
import { ackDelay, bodyOf, callbackData, callbackOf, customIds, originalEditOf, timed, useBot } from './harness.ts';

type Embed = { title?: string; description?: string; footer?: { text: string }; url?: string };

describe('/ask and its buttons, against the stand-in', () => {
  const h = useBot();

  async function ask(options: Record<string, string | number | boolean>) {
    const sent = timed(() => h.fake.sendSlashCommand({ name: 'ask', options }));
    const callback = await callbackOf(h.fake, sent);
    const edit = await originalEditOf(h.fake, sent);
    return { sent, callback, body: bodyOf(edit) };
  }

  it('defers ephemerally well within 3 s, then edits in cited excerpts with matched terms in bold', async () => {
    const { sent, callback, body } = await ask({ question: 'how many drones did Iran send?' });
    expect(bodyOf(callback)['type']).toBe(5);
    expect(callbackData(callback)).toEqual({ flags: 64 });
    expect(ackDelay(sent, callback)).toBeLessThan(1000);
    expect(body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    const embeds = body['embeds'] as Embed[];
    expect(embeds).toHaveLength(3);
    for (const embed of embeds) {
      expect(embed.title).toMatch(/^\d\. /);
      expect(embed.footer?.text).toMatch(/passage [\w-]+#\d+/);
      expect(embed.description).toMatch(/\*\*[^*]+\*\*/);
    }
    expect(customIds(body)).toEqual(expect.arrayContaining([expect.stringMatching(/^ask:more:\w+/), expect.stringMatching(/^ask:share:/), expect.stringMatching(/^passage:open:/)]));
  });

  it('posts directly with public:true and honours results', async () => {
    const { callback, body } = await ask({ question: 'Shahed drones Alabuga', results: 1, public: true });
    expect(bodyOf(callback)['type']).toBe(5);
    expect(callbackData(callback)['flags'] ?? 0).toBe(0);
    expect(body['embeds']).toHaveLength(1);
    expect(customIds(body).some((id) => id.startsWith('ask:share:'))).toBe(false);
  });

  it('neutralises @everyone in a question and parses no mentions', async () => {
    const { body } = await ask({ question: '@everyone how many drones did Iran send? <@123456789012345678>' });
    expect(body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    expect(body['content']).not.toMatch(/@everyone/);
    expect(body['content']).toContain('@\u200Beveryone');
    expect(body['content']).not.toMatch(/<@\d/);
  });

  it('answers a 6,000-character question within every limit', async () => {
    const question = `${'drones Iran Russia '.repeat(320)}`.slice(0, 6000);
    const { body } = await ask({ question });
    expect((body['content'] as string).length).toBeLessThanOrEqual(2000);
    expect(customIds(body).every((id) => id.length <= 100)).toBe(true);
  });

  it('replies with the short no-match message, never an empty embed', async () => {
    const { body } = await ask({ question: 'best pizza recipe with pineapple' });
    expect(body['content']).toMatch(/could not find|no words/i);
    expect(body['embeds']).toEqual([]);
  });

  it('autocompletes the question within 3 s with at most 25 choices', async () => {
    const sent = timed(() => h.fake.sendAutocomplete({ name: 'ask', options: { question: 'how many dro' }, focused: 'question' }));
    const callback = await callbackOf(h.fake, sent);
    expect(bodyOf(callback)['type']).toBe(8);
    expect(ackDelay(sent, callback)).toBeLessThan(1000);
    const choices = callbackData(callback)['choices'] as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices).toContainEqual({ name: 'how many drones', value: 'how many drones' });
  });

  it('pages on with More results in place: acknowledged before the engine is asked (type 6), then the message is edited', async () => {
    const { sent, body } = await ask({ question: 'how many drones did Iran send?' });
    const more = customIds(body).find((id) => id.startsWith('ask:more:'))!;
    const messageId = h.fake.interaction(sent.id)!.originalMessageId!;
    const message = h.fake.message(messageId) as FakeMessage;
    const click = h.fake.sendButton({ customId: more, message });
    expect(bodyOf(await callbackOf(h.fake, click))['type']).toBe(6);
    const edit = await originalEditOf(h.fake, click);
    expect(edit.path).toContain(`/messages/@original`);
    const page = bodyOf(edit);
    expect((page['embeds'] as Embed[])[0]?.title).toMatch(/^4\. /);
    expect(page['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    expect(((h.fake.message(messageId) as FakeMessage).embeds as Embed[])[0]?.title).toMatch(/^4\. /);
  });

  it('shares in the channel as a new public message marked "shared by" without pinging', async () => {
    const { sent, body } = await ask({ question: 'how many drones did Iran send?' });
    const share = customIds(body).find((id) => id.startsWith('ask:share:'))!;
    const message = h.fake.message(h.fake.interaction(sent.id)!.originalMessageId!) as FakeMessage;
    const user = h.fake.user({ username: 'sharer' });
    const click = h.fake.sendButton({ customId: share, message, user });
    const callback = await callbackOf(h.fake, click);
    expect(bodyOf(callback)['type']).toBe(5);
    expect(callbackData(callback)).toEqual({ flags: 64 });
    const post = await h.fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${h.fake.channel.id}/messages`);
    const posted = bodyOf(post);
    expect(posted['content']).toContain(`Shared by <@${user.id}>`);
    expect(posted['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    expect(posted['embeds']).toHaveLength(3);
    expect(customIds(posted).some((id) => id.startsWith('ask:share:'))).toBe(false);
    const confirmation = await originalEditOf(h.fake, click);
    expect(bodyOf(confirmation)['content']).toMatch(/Shared/);
  });

  it('shows the full passage privately, with previous/next that update it', async () => {
    const { body } = await ask({ question: 'how many drones did Iran send?' });
    const open = customIds(body).find((id) => id.startsWith('passage:open:'))!;
    const click = h.fake.sendButton({ customId: open });
    const callback = await callbackOf(h.fake, click);
    expect(bodyOf(callback)['type']).toBe(4);
    const data = callbackData(callback);
    expect(data['flags']).toBe(64);
    const passageId = open.slice('passage:open:'.length);
    expect(data['content']).toContain(passageId);
    const navigation = customIds(data).filter((id) => id.startsWith('passage:nav:'));
    expect(navigation.length).toBeGreaterThan(0);
    const passageMessage = h.fake.message(h.fake.interaction(click.id)!.originalMessageId!) as FakeMessage;
    const next = h.fake.sendButton({ customId: navigation[navigation.length - 1]!, message: passageMessage });
    const moved = await callbackOf(h.fake, next);
    expect(bodyOf(moved)['type']).toBe(7);
    expect(callbackData(moved)['content']).not.toContain(`${passageId}*`);
  });

  it('shares a passage in the channel, marked with who shared it', async () => {
    const click = h.fake.sendButton({ customId: 'passage:share:001-da6798635b4f93b8#2' });
    expect(callbackData(await callbackOf(h.fake, click))).toEqual({ flags: 64 });
    const post = await h.fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${h.fake.channel.id}/messages` && String(bodyOf(request)['content']).startsWith('Passage'));
    expect(bodyOf(post)['content']).toContain(`Shared by <@${h.fake.defaultUser.id}>`);
    expect(customIds(bodyOf(post)).every((id) => id.startsWith('passage:open:'))).toBe(true);
  });

  it('says the answer has expired when the question key is gone', async () => {
    const click = h.fake.sendButton({ customId: 'ask:more:unknownKey12:3:3' });
    const callback = await callbackOf(h.fake, click);
    expect(bodyOf(callback)['type']).toBe(4);
    expect(callbackData(callback)).toMatchObject({ flags: 64, content: expect.stringMatching(/expired.*ask again/i) });
  });
});
