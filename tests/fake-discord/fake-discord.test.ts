import { ChannelType, Client, DiscordAPIError, MessageFlags } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectClient, nextEvent, scrubClientEnv, type TestClientOptions } from './client-harness.ts';
import { DiscordErrors, FakeDiscord, type FakeDiscordOptions } from './index.ts';

const TOKEN = 'fake-bot-token';

const unhandledRejections: unknown[] = [];
const recordUnhandledRejection = (reason: unknown) => unhandledRejections.push(reason);

let fake: FakeDiscord | undefined;
let client: Client | undefined;

/** A started fake and a ready client on it; afterEach tears both down (client first). */
async function setup(options: { fake?: FakeDiscordOptions; client?: TestClientOptions } = {}): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  fake = await FakeDiscord.start({ token: TOKEN, ...options.fake });
  const ready = await connectClient(fake, options.client);
  client = ready;
  return { fake, client: ready };
}

beforeAll(() => {
  scrubClientEnv();
  process.on('unhandledRejection', recordUnhandledRejection);
});

afterAll(() => {
  process.off('unhandledRejection', recordUnhandledRejection);
});

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
  const seen = unhandledRejections.splice(0);
  expect(seen, 'unhandled rejections during the test').toEqual([]);
});

describe('logging in', () => {
  it('resolves login and fires ClientReady quickly, with the guild and its channel cached', async () => {
    const started = Date.now();
    const { fake, client } = await setup();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(client.user.id).toBe(fake.botUser.id);
    expect(client.application.id).toBe(fake.applicationId);
    expect(client.guilds.cache.get(fake.guild.id)?.available).toBe(true);
    expect(client.channels.cache.get(fake.channel.id)?.type).toBe(ChannelType.GuildText);
    const gatewayCall = await fake.waitForRequest((request) => request.path === '/gateway/bot');
    expect(gatewayCall.headers['authorization']).toBe(`Bot ${TOKEN}`);
  });

  it('refuses a wrong token with 401, so login rejects', async () => {
    fake = await FakeDiscord.start({ token: TOKEN });
    const stranger = new Client({ intents: [], rest: { api: fake.apiUrl, timeout: 2_000, retries: 0 } });
    client = stranger;
    await expect(stranger.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(fake.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual(['GET /gateway/bot 401']);
  });
});

describe('interactions', () => {
  it('delivers a slash command and records an ephemeral reply as callback type 4 with flags 64', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'interactionCreate');
    const sent = fake.sendSlashCommand({ name: 'ask', options: { question: 'what is a quote?' } });
    const [interaction] = await seen;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.options.getString('question')).toBe('what is a quote?');
    expect(interaction.channelId).toBe(fake.channel.id);
    expect(interaction.user.id).toBe(fake.defaultUser.id);

    await interaction.reply({ content: 'hi', flags: MessageFlags.Ephemeral });

    const callback = await fake.waitForRequest((request) => request.path === sent.callbackPath);
    expect(callback.method).toBe('POST');
    expect(callback.headers['authorization']).toBeUndefined();
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'hi', flags: 64 } });
    const original = fake.message(fake.interaction(sent.id)?.originalMessageId ?? '');
    expect(original?.flags).toBe(64);
  });

  it('records deferReply as type 5, then editReply as PATCH @original', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'interactionCreate');
    const sent = fake.sendSlashCommand({ name: 'ask', options: { question: 'slow one' } });
    const [interaction] = await seen;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');

    await interaction.deferReply();
    const edited = await interaction.editReply({ content: 'the answer', allowedMentions: { parse: [] } });
    const followUp = await interaction.followUp({ content: 'one more thing' });

    const paths = fake.requests.filter((request) => request.path.startsWith(sent.webhookPath) || request.path === sent.callbackPath);
    expect(paths.map((request) => `${request.method} ${request.path.replace(sent.webhookPath, 'WEBHOOK')}`)).toEqual([
      `POST ${sent.callbackPath}`,
      'PATCH WEBHOOK/messages/@original',
      'POST WEBHOOK',
    ]);
    expect(paths[0]?.body).toMatchObject({ type: 5 });
    expect(paths[1]?.rawUrl).toContain('%40original');
    expect(paths[1]?.body).toMatchObject({ content: 'the answer', allowed_mentions: { parse: [] } });
    expect(paths[2]?.query).toMatchObject({ wait: 'true' });
    expect(edited.content).toBe('the answer');
    expect(followUp.content).toBe('one more thing');
  });

  it('answers autocomplete with callback type 8 and the choices', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'interactionCreate');
    const sent = fake.sendAutocomplete({ name: 'ask', options: { question: 'quo' }, focused: 'question' });
    const [interaction] = await seen;
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'question', value: 'quo' });

    await interaction.respond([{ name: 'quotes', value: 'quotes' }]);

    const callback = await fake.waitForRequest((request) => request.path === sent.callbackPath);
    expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'quotes', value: 'quotes' }] } });
  });

  it('delivers a button click with its message, and records update as type 7', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'interactionCreate');
    const sent = fake.sendButton({ customId: 'share:42' });
    const [interaction] = await seen;
    if (!interaction.isButton()) throw new Error('expected a button');
    expect(interaction.customId).toBe('share:42');
    expect(interaction.message.author.id).toBe(fake.botUser.id);

    await interaction.update({ content: 'shared', components: [] });

    const callback = await fake.waitForRequest((request) => request.path === sent.callbackPath);
    expect(callback.body).toMatchObject({ type: 7, data: { content: 'shared', components: [] } });
    expect(fake.message(interaction.message.id)?.content).toBe('shared');
  });

  it('delivers a message context-menu command with the target message resolved', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'interactionCreate');
    fake.sendMessageContextMenu({ name: 'Find sources', targetMessage: { content: 'Is this in the corpus?' } });
    const [interaction] = await seen;
    if (!interaction.isMessageContextMenuCommand()) throw new Error('expected a message context menu command');
    expect(interaction.commandName).toBe('Find sources');
    expect(interaction.targetMessage.content).toBe('Is this in the corpus?');
  });

  it('uses registered commands: bulk overwrite returns ids, and interactions carry them', async () => {
    const { fake, client } = await setup();
    const registered = await client.application.commands.set(
      [{ name: 'ask', description: 'Ask the corpus', options: [{ type: 3, name: 'question', description: 'Your question', required: true }] }],
      fake.guild.id,
    );
    const put = await fake.waitForRequest((request) => request.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guild.id}/commands`);
    const [command] = fake.commands(fake.guild.id);
    expect(registered.first()?.id).toBe(command?.id);

    const seen = nextEvent(client, 'interactionCreate');
    fake.sendSlashCommand({ name: 'ask', options: { question: 'q' } });
    const [interaction] = await seen;
    expect(interaction.isChatInputCommand() && interaction.commandId).toBe(command?.id);
  });
});

describe('messages', () => {
  it('delivers a mention to messageCreate, and message.reply posts to the channel', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'messageCreate');
    const sentMessage = fake.sendMessage({ content: 'what does the corpus say?', mentionsBot: true });
    const [message] = await seen;
    expect(message.content).toBe(`<@${fake.botUser.id}> what does the corpus say?`);
    expect(message.mentions.users.has(fake.botUser.id)).toBe(true);

    const reply = await message.reply({ content: 'it says…', allowedMentions: { parse: [] } });

    const post = await fake.waitForRequest((request) => request.path === `/channels/${fake.channel.id}/messages`);
    expect(post.body).toMatchObject({ content: 'it says…', message_reference: { message_id: sentMessage.id } });
    expect(reply.reference?.messageId).toBe(sentMessage.id);
  });

  it('hides the content of a guild message that does not mention the bot (no MessageContent intent)', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'messageCreate');
    fake.sendMessage({ content: 'chatter' });
    const [message] = await seen;
    expect(message.content).toBe('');
  });

  it('delivers a DM to messageCreate through the Channel partial', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'messageCreate');
    fake.sendMessage({ content: 'hello in private', dm: true });
    const [message] = await seen;
    expect(message.content).toBe('hello in private');
    expect(message.guildId).toBeNull();
    expect(message.channel.type).toBe(ChannelType.DM);

    await message.channel.send({ content: 'hi there' });
    await fake.waitForRequest((request) => request.path === `/channels/${message.channelId}/messages` && request.method === 'POST');
  });
});

describe('failures', () => {
  it('makes the reply reject with DiscordAPIError 50013 when failNext says so', async () => {
    const { fake, client } = await setup();
    fake.failNext({ method: 'POST', pathPattern: /\/callback$/, ...DiscordErrors.missingPermissions });
    const seen = nextEvent(client, 'interactionCreate');
    fake.sendSlashCommand({ name: 'ask' });
    const [interaction] = await seen;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');

    const error: unknown = await interaction.reply({ content: 'hi' }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50013, status: 403 });
    expect(fake.pendingFailures()).toEqual([]);
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    const { fake, client } = await setup();
    fake.failNext({ method: 'POST', pathPattern: /^\/channels\/\d+\/messages$/, ...DiscordErrors.rateLimited(0.2) });
    const channel = client.channels.cache.get(fake.channel.id);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');

    const started = Date.now();
    await channel.send({ content: 'eventually' });

    const posts = fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/messages'));
    expect(posts.map((request) => request.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('rejects a second reply with 40060 and an over-long reply with 50035', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'interactionCreate');
    const sent = fake.sendSlashCommand({ name: 'ask' });
    const [interaction] = await seen;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');

    await expect(interaction.reply({ content: 'x'.repeat(2001) })).rejects.toMatchObject({ code: 50035 });
    await interaction.reply({ content: 'fits' });
    fake.dispatch('INTERACTION_CREATE', sent.payload);
    const [again] = await nextEvent(client, 'interactionCreate');
    if (!again.isChatInputCommand()) throw new Error('expected a chat input command');
    await expect(again.reply({ content: 'twice' })).rejects.toMatchObject({ code: 40060 });
  });

  it('refuses with 50035 a reply whose buttons repeat a custom_id', async () => {
    const { fake, client } = await setup();
    const seen = nextEvent(client, 'interactionCreate');
    fake.sendSlashCommand({ name: 'ask' });
    const [interaction] = await seen;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const button = (label: string) => ({ type: 2, style: 2, label, custom_id: 'passage:open:doc#1' });

    await expect(interaction.reply({ content: 'twice', components: [{ type: 1, components: [button('a'), button('b')] }] })).rejects.toMatchObject({ code: 50035 });
  });
  it('answers 10062 Unknown interaction to a reply after the response window', async () => {
    const { fake, client } = await setup({ fake: { interactionResponseWindowMs: 50 } });
    const seen = nextEvent(client, 'interactionCreate');
    fake.sendSlashCommand({ name: 'ask' });
    const [interaction] = await seen;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await new Promise((resolve) => setTimeout(resolve, 80));

    await expect(interaction.reply({ content: 'too late' })).rejects.toMatchObject({ code: 10062, status: 404 });
  });
});

describe('gateway drops', () => {
  it('resumes after disconnectAll and still receives a later interaction', async () => {
    const { fake, client } = await setup();
    fake.disconnectAll();
    const resumed = await fake.waitForSession();
    expect(resumed.t).toBe('RESUMED');
    expect(fake.gatewayFrames.some((frame) => frame.direction === 'received' && frame.op === 6)).toBe(true);

    const seen = nextEvent(client, 'interactionCreate');
    const sent = fake.sendSlashCommand({ name: 'ask' });
    const [interaction] = await seen;
    expect(interaction.id).toBe(sent.id);
  });

  it('replays a dispatch sent while the client was away, after op 7 RECONNECT', async () => {
    const { fake, client } = await setup();
    const before = fake.latestConnectionId;
    fake.requestReconnect();
    await vi.waitFor(() => expect(fake.connectedSessions).toBe(0));
    const seen = nextEvent(client, 'interactionCreate', 4_000);
    const sent = fake.sendSlashCommand({ name: 'ask' });
    const resumed = await fake.waitForSession(before);
    expect(resumed.t).toBe('RESUMED');
    const [interaction] = await seen;
    expect(interaction.id).toBe(sent.id);
    const replayed = fake.gatewayFrames.find((frame) => frame.direction === 'sent' && frame.t === 'INTERACTION_CREATE');
    expect(replayed?.connectionId).toBe(resumed.connectionId);
    expect(replayed?.s).toBeLessThan(resumed.s ?? 0);
  });

  it('identifies anew after a close with 1000 and receives a later interaction', async () => {
    const { fake, client } = await setup({ client: { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) } } });
    fake.disconnectAll(1000);
    const session = await fake.waitForSession();
    expect(session.t).toBe('READY');

    const seen = nextEvent(client, 'interactionCreate');
    const sent = fake.sendSlashCommand({ name: 'ask' });
    const [interaction] = await seen;
    expect(interaction.id).toBe(sent.id);
  });
});
