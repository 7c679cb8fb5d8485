import type { APIUser } from 'discord.js';
import type { ResolvedFakeDiscordOptions } from './options.ts';
import type { SnowflakeSource } from './snowflake.ts';

/** A guild text channel (type 0) the fake knows. */
export interface FakeTextChannel {
  kind: 'guild-text';
  id: string;
  name: string;
  guildId: string;
}

/** The DM channel (type 1) between the bot and one user. */
export interface FakeDmChannel {
  kind: 'dm';
  id: string;
  recipient: APIUser;
}

export type FakeChannel = FakeTextChannel | FakeDmChannel;

/** A guild the bot is in. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  channels: FakeTextChannel[];
}

/** Where something happens: a guild channel (the first guild's first channel by default) or the DM with the user. */
export interface PlaceSpec {
  guildId?: string;
  channelId?: string;
  /** In the DM channel between the user and the bot. @default false */
  dm?: boolean;
}

/** A resolved place: the channel, and its guild unless it is a DM. */
export interface Place {
  channel: FakeChannel;
  guild: FakeGuild | undefined;
}

/** What a test may say about a user it makes up; the rest is filled in. */
export interface FakeUserSpec {
  id?: string;
  username?: string;
  globalName?: string | null;
  bot?: boolean;
}

/**
 * The state of the fake Discord: the application, its bot user, the guilds it is in,
 * the users tests invent and the DM channels opened with them.
 */
export class FakeWorld {
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: FakeGuild[];
  /** The user who sends messages and interactions when a test names nobody. */
  readonly defaultUser: APIUser;
  readonly #ids: SnowflakeSource;
  readonly #dmChannels = new Map<string, FakeDmChannel>();
  readonly #users = new Map<string, APIUser>();

  constructor(options: ResolvedFakeDiscordOptions, ids: SnowflakeSource) {
    this.#ids = ids;
    this.applicationId = options.applicationId ?? ids.next();
    this.botUser = this.makeUser({ id: this.applicationId, username: options.botUsername, globalName: null, bot: true });
    this.defaultUser = this.makeUser({ username: 'alice', globalName: 'Alice' });
    const joinedAt = new Date().toISOString();
    this.guilds = options.guilds.map((spec) => {
      const guildId = spec.id ?? ids.next();
      const channels = (spec.channels ?? [{ name: 'general' }]).map(
        (channel): FakeTextChannel => ({ kind: 'guild-text', id: channel.id ?? ids.next(), name: channel.name ?? 'general', guildId }),
      );
      if (channels.length === 0) throw new Error(`FakeWorld: guild ${guildId} needs at least one text channel`);
      return { id: guildId, name: spec.name ?? 'Test Guild', ownerId: this.defaultUser.id, joinedAt, channels };
    });
  }

  /** A complete API user from a partial spec. */
  makeUser(spec: FakeUserSpec = {}): APIUser {
    const username = spec.username ?? `user${Math.floor(Math.random() * 10_000)}`;
    const user: APIUser = {
      id: spec.id ?? this.#ids.next(),
      username,
      discriminator: '0',
      global_name: spec.globalName === undefined ? username : spec.globalName,
      avatar: null,
      ...(spec.bot ? { bot: true } : {}),
    };
    this.#users.set(user.id, user);
    return user;
  }

  /** A user made by makeUser (or the bot), by id. */
  findUser(id: string): APIUser | undefined {
    return this.#users.get(id);
  }

  /** A full API user: the given one, one made from a spec, or the default user. */
  resolveUser(user: APIUser | FakeUserSpec | undefined): APIUser {
    if (user === undefined) return this.defaultUser;
    return 'discriminator' in user ? user : this.makeUser(user);
  }

  /** Where an event happens for this user; see PlaceSpec. */
  locate(spec: PlaceSpec, user: APIUser): Place {
    if (spec.dm) return { channel: this.dmChannelWith(user), guild: undefined };
    if (spec.channelId !== undefined) {
      const channel = this.findChannel(spec.channelId);
      if (!channel) throw new Error(`FakeWorld: no channel ${spec.channelId}`);
      return { channel, guild: this.guildOf(channel) };
    }
    const channel = this.textChannel(spec.guildId);
    return { channel, guild: this.guild(channel.guildId) };
  }

  /** The guild with this id, or the first guild when no id is given. */
  guild(id?: string): FakeGuild {
    const guild = id === undefined ? this.guilds[0] : this.guilds.find((candidate) => candidate.id === id);
    if (!guild) throw new Error(`FakeWorld: no guild ${id ?? '(the bot is in no guild)'}`);
    return guild;
  }

  /** A text channel of a guild: the one with this id, or the guild's first channel. */
  textChannel(guildId?: string, channelId?: string): FakeTextChannel {
    const guild = this.guild(guildId);
    const channel = channelId === undefined ? guild.channels[0] : guild.channels.find((candidate) => candidate.id === channelId);
    if (!channel) throw new Error(`FakeWorld: guild ${guild.id} has no channel ${channelId ?? ''}`);
    return channel;
  }

  /** The DM channel with this user, opened on first use like POST /users/@me/channels. */
  dmChannelWith(user: APIUser): FakeDmChannel {
    const existing = this.#dmChannels.get(user.id);
    if (existing) return existing;
    const channel: FakeDmChannel = { kind: 'dm', id: this.#ids.next(), recipient: user };
    this.#dmChannels.set(user.id, channel);
    return channel;
  }

  /** Any channel the fake knows by id: guild text channels and opened DMs. */
  findChannel(id: string): FakeChannel | undefined {
    for (const guild of this.guilds) {
      const channel = guild.channels.find((candidate) => candidate.id === id);
      if (channel) return channel;
    }
    return [...this.#dmChannels.values()].find((channel) => channel.id === id);
  }

  guildOf(channel: FakeChannel): FakeGuild | undefined {
    return channel.kind === 'guild-text' ? this.guild(channel.guildId) : undefined;
  }
}
