import type { APIUser } from 'discord.js';
import { channelPayload, EVERYONE_PERMISSIONS, memberPayload } from './guild-payloads.ts';
import type { FakeInteraction } from './interaction-registry.ts';
import { asRecord } from './json.ts';
import { buildMessage, type FakeMessage } from './messages.ts';
import { randomToken } from './snowflake.ts';
import type { FakeState } from './state.ts';
import type { FakeUserSpec, PlaceSpec } from './world.ts';

export type OptionValue = string | number | boolean;

/** Options by name (types from the registered command, else from the JS type) or raw API option objects. */
export type CommandOptionsSpec = Record<string, OptionValue> | unknown[];

/** Who triggers an interaction, and where. */
export interface InteractionSpec extends PlaceSpec {
  /** @default the default user */
  user?: APIUser | FakeUserSpec;
  /** @default 'en-US' */
  locale?: string;
  /** Permissions of the bot in the channel. @default ViewChannel, SendMessages, EmbedLinks… */
  appPermissions?: string;
  /** Permissions of the invoking member (guild only). @default same as appPermissions */
  memberPermissions?: string;
}

export interface SlashCommandSpec extends InteractionSpec {
  name: string;
  options?: CommandOptionsSpec;
}

export interface AutocompleteSpec extends InteractionSpec {
  name: string;
  options?: CommandOptionsSpec;
  /** Name of the option being typed; with by-name options it gets `focused: true`. */
  focused?: string;
}

export interface ButtonSpec extends InteractionSpec {
  customId: string;
  /** The message carrying the button (a stored message or its id). @default a new bot message with that button */
  message?: FakeMessage | string;
}

export interface MessageContextMenuSpec extends InteractionSpec {
  name: string;
  /** The message right-clicked: a stored message, its id, or content for a new message by the user. */
  targetMessage: FakeMessage | string | { content: string; author?: APIUser | FakeUserSpec };
}

/** What a test gets back after sending an interaction: enough to find the bot's answer. */
export interface SentInteraction {
  id: string;
  token: string;
  applicationId: string;
  /** Decoded REST path of the callback: /interactions/{id}/{token}/callback. */
  callbackPath: string;
  /** Decoded REST path prefix of the interaction webhook: /webhooks/{appId}/{token}. */
  webhookPath: string;
  payload: Record<string, unknown>;
}

/** Builds INTERACTION_CREATE payloads with every field discord.js needs, and registers them. */
export class InteractionFactory {
  readonly #state: FakeState;

  constructor(state: FakeState) {
    this.#state = state;
  }

  slashCommand(spec: SlashCommandSpec): SentInteraction {
    return this.#build(spec, 2, 20, (place) => ({ data: this.#commandData(spec.name, 1, place.guildId, spec.options) }));
  }

  autocomplete(spec: AutocompleteSpec): SentInteraction {
    return this.#build(spec, 4, 0, (place) => {
      const data = this.#commandData(spec.name, 1, place.guildId, spec.options);
      const options = (data['options'] as Record<string, unknown>[] | undefined) ?? [];
      data['options'] = options.map((option) => (option['name'] === spec.focused ? { ...option, value: String(option['value']), focused: true } : option));
      return { data };
    });
  }

  button(spec: ButtonSpec): SentInteraction {
    return this.#build(spec, 3, 0, (place) => {
      const message = this.#buttonMessage(spec, place.channelId, place.guildId);
      return { data: { custom_id: spec.customId, component_type: 2 }, message };
    });
  }

  messageContextMenu(spec: MessageContextMenuSpec): SentInteraction {
    return this.#build(spec, 2, 23, (place) => {
      const target = this.#targetMessage(spec, place.channelId, place.guildId);
      const command = this.#commandData(spec.name, 3, place.guildId, undefined);
      return { data: { ...command, target_id: target.id, resolved: { messages: { [target.id]: target } } } };
    });
  }

  #build(
    spec: InteractionSpec,
    type: number,
    responseMessageType: number,
    makeData: (place: { channelId: string; guildId: string | undefined }) => { data: Record<string, unknown>; message?: FakeMessage },
  ): SentInteraction {
    const { world, ids } = this.#state;
    const user = world.resolveUser(spec.user);
    const { channel, guild } = world.locate(spec, user);
    const { data, message } = makeData({ channelId: channel.id, guildId: guild?.id });
    const id = ids.next();
    const token = `aW50ZXJhY3Rpb246${id}_${randomToken(48)}`;
    const appPermissions = spec.appPermissions ?? EVERYONE_PERMISSIONS;
    const payload: Record<string, unknown> = {
      id,
      application_id: world.applicationId,
      type,
      token,
      version: 1,
      data,
      channel: channelPayload(channel),
      channel_id: channel.id,
      app_permissions: appPermissions,
      locale: spec.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guild?.id ?? '0' },
      context: guild ? 0 : 1,
      attachment_size_limit: 10 * 1024 * 1024,
      ...(guild
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: memberPayload(user, guild.joinedAt, { permissions: spec.memberPermissions ?? appPermissions }),
          }
        : { user }),
      ...(message ? { message } : {}),
    };
    const interaction: FakeInteraction = {
      id,
      token,
      applicationId: world.applicationId,
      type,
      createdAt: Date.now(),
      channelId: channel.id,
      guildId: guild?.id,
      user,
      responseMessageType,
      componentMessageId: message?.id,
      callbacks: [],
      originalMessageId: undefined,
      followUpMessageIds: [],
    };
    this.#state.interactions.add(interaction);
    return { id, token, applicationId: world.applicationId, callbackPath: `/interactions/${id}/${token}/callback`, webhookPath: `/webhooks/${world.applicationId}/${token}`, payload };
  }

  #commandData(name: string, commandType: number, guildId: string | undefined, options: CommandOptionsSpec | undefined): Record<string, unknown> {
    const { commands } = this.#state;
    const registered = commands.find(name, commandType, guildId);
    const data: Record<string, unknown> = { id: commands.idFor(name, commandType, guildId), name, type: commandType };
    if (registered?.guild_id) data['guild_id'] = registered.guild_id;
    if (options !== undefined) data['options'] = Array.isArray(options) ? options : optionsByName(options, registered?.options);
    return data;
  }

  #buttonMessage(spec: ButtonSpec, channelId: string, guildId: string | undefined): FakeMessage {
    const { messages, world, ids } = this.#state;
    if (typeof spec.message === 'string') {
      const stored = messages.get(spec.message);
      if (!stored) throw new Error(`InteractionFactory: no stored message ${spec.message}`);
      return stored;
    }
    if (spec.message) return messages.get(spec.message.id) ?? messages.add(spec.message);
    const button = { type: 2, style: 1, label: spec.customId, custom_id: spec.customId };
    const body = { content: '', components: [{ type: 1, components: [button] }] };
    return messages.add(buildMessage({ id: ids.next(), channelId, guildId, author: world.botUser, body }));
  }

  #targetMessage(spec: MessageContextMenuSpec, channelId: string, guildId: string | undefined): FakeMessage {
    const { messages, world, ids } = this.#state;
    const target = spec.targetMessage;
    if (typeof target === 'string') {
      const stored = messages.get(target);
      if (!stored) throw new Error(`InteractionFactory: no stored message ${target}`);
      return stored;
    }
    if ('id' in target) return target;
    const author = world.resolveUser(target.author);
    return messages.add(buildMessage({ id: ids.next(), channelId, guildId, author, body: { content: target.content } }));
  }
}

/** API option objects for name → value, typed from the registered definition where there is one. */
function optionsByName(values: Record<string, OptionValue>, definitions: unknown[] | undefined): Record<string, unknown>[] {
  return Object.entries(values).map(([name, value]) => {
    const definition = (definitions ?? []).map(asRecord).find((candidate) => candidate['name'] === name);
    const declared = definition?.['type'];
    const type = typeof declared === 'number' ? declared : typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3;
    return { name, type, value };
  });
}
