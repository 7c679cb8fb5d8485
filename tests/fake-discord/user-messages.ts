import type { APIUser } from 'discord.js';
import { memberPayload } from './guild-payloads.ts';
import { buildMessage, type FakeMessage } from './messages.ts';
import type { FakeState } from './state.ts';
import type { FakeUserSpec, PlaceSpec } from './world.ts';

/** A message a user writes, as a test describes it. */
export interface UserMessageSpec extends PlaceSpec {
  content: string;
  /** @default the default user */
  author?: APIUser | FakeUserSpec;
  /** Prefix `<@BOTID> ` (unless already there) and list the bot in `mentions`. @default false */
  mentionsBot?: boolean;
  /** Makes the message a reply (type 19) to this one. */
  replyTo?: FakeMessage;
  embeds?: unknown[];
}

/** Builds and stores a user's message; nothing is dispatched. */
export function createUserMessage(state: FakeState, spec: UserMessageSpec): FakeMessage {
  const { world } = state;
  const author = world.resolveUser(spec.author);
  const { channel, guild } = world.locate(spec, author);
  const mention = `<@${world.botUser.id}>`;
  const content = spec.mentionsBot && !spec.content.includes(mention) ? `${mention} ${spec.content}` : spec.content;
  const message = buildMessage({
    id: state.ids.next(),
    channelId: channel.id,
    guildId: guild?.id,
    author,
    body: { content, embeds: spec.embeds ?? [] },
    referencedMessage: spec.replyTo,
    extra: { mentions: spec.mentionsBot || content.includes(mention) ? [world.botUser] : [] },
  });
  return state.messages.add(message);
}

/** The MESSAGE_CREATE dispatch data for a stored message: adds channel_type, member and mention members in guilds. */
export function messageCreatePayload(state: FakeState, message: FakeMessage): Record<string, unknown> {
  const channel = state.world.findChannel(message.channel_id);
  const guild = channel ? state.world.guildOf(channel) : undefined;
  if (!guild) return { ...message, channel_type: 1 };
  const asMember = (user: APIUser) => memberPayload(user, guild.joinedAt, { withUser: false });
  return {
    ...message,
    guild_id: guild.id,
    channel_type: 0,
    member: asMember(message.author),
    mentions: (message.mentions as APIUser[]).map((user) => ({ ...user, member: asMember(user) })),
  };
}
