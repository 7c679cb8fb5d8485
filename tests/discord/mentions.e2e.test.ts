import { describe, expect, it } from 'vitest';
import { bodyOf, useBot } from './harness.ts';

describe('mentions and DMs, against the stand-in', () => {
  const h = useBot();

  const channelPosts = (channelId: string) => h.fake.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${channelId}/messages`);

  it('answers "@bot how many drones did Iran send?" with a public reply quoting the corpus', async () => {
    const message = h.fake.sendMessage({ content: 'how many drones did Iran send? @everyone', mentionsBot: true });
    const post = await h.fake.waitForRequest((request) => request.method === 'POST' && request.path === `/channels/${h.fake.channel.id}/messages`);
    const body = bodyOf(post);
    expect(body['message_reference']).toMatchObject({ message_id: message.id });
    expect(body['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    expect(body['content']).toMatch(/^\*\*Q:\*\* how many drones did Iran send\? @\u200Beveryone/);
    expect((body['embeds'] as unknown[]).length).toBe(3);
    expect((body['flags'] as number | undefined) ?? 0).toBe(0);
  });

  it('answers a DM', async () => {
    const user = h.fake.user({ username: 'dm-user' });
    h.fake.sendMessage({ content: 'Who supplies drones to Russia?', dm: true, author: user });
    const post = await h.fake.waitForRequest((request) => request.method === 'POST' && request.path.startsWith('/channels/') && request.path !== `/channels/${h.fake.channel.id}/messages` && request.path.endsWith('/messages'));
    expect(bodyOf(post)['embeds']).not.toHaveLength(0);
  });

  it('ignores bots, itself and messages that do not mention it', async () => {
    const before = channelPosts(h.fake.channel.id).length;
    h.fake.sendMessage({ content: 'drones', mentionsBot: true, author: h.fake.user({ bot: true }) });
    h.fake.sendMessage({ content: 'drones without a mention' });
    const marker = h.fake.sendMessage({ content: 'Who supplies drones to Russia?', mentionsBot: true });
    await h.fake.waitForRequest((request) => request.method === 'POST' && (bodyOf(request)['message_reference'] as { message_id?: string } | undefined)?.message_id === marker.id);
    expect(channelPosts(h.fake.channel.id).length).toBe(before + 1);
  });
});
