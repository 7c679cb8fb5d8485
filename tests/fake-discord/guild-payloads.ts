import type { APIUser } from 'discord.js';
import type { FakeChannel, FakeGuild } from './world.ts';

/** Permission bits, as Discord documents them. */
const Permission = {
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** What @everyone may do in the fake guilds, and so what the bot and users may do. */
export const EVERYONE_PERMISSIONS = Object.values(Permission)
  .reduce((all, bit) => all | bit, 0n)
  .toString();

/** The channel object Discord sends (inside GUILD_CREATE it has no guild_id; elsewhere it does). */
export function channelPayload(channel: FakeChannel, withGuildId = true): Record<string, unknown> {
  if (channel.kind === 'dm') {
    return { id: channel.id, type: 1, last_message_id: null, recipients: [channel.recipient], flags: 0 };
  }
  return {
    id: channel.id,
    type: 0,
    ...(withGuildId ? { guild_id: channel.guildId } : {}),
    name: channel.name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  };
}

/** A guild member object; `withUser: false` gives the shape MESSAGE_CREATE carries in `member`. */
export function memberPayload(user: APIUser, joinedAt: string, options: { withUser?: boolean; permissions?: string } = {}): Record<string, unknown> {
  return {
    ...(options.withUser === false ? {} : { user }),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...(options.permissions === undefined ? {} : { permissions: options.permissions }),
  };
}

/** The GUILD_CREATE payload for a guild the bot is in, with its channels, @everyone role and the bot member. */
export function guildCreatePayload(guild: FakeGuild, botUser: APIUser): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyoneRole(guild.id)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    max_members: 500_000,
    max_video_channel_users: 25,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [memberPayload(botUser, guild.joinedAt)],
    channels: guild.channels.map((channel) => channelPayload(channel, false)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function everyoneRole(guildId: string): Record<string, unknown> {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: EVERYONE_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}
