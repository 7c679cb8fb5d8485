import type { APIUser } from 'discord.js';

/** A message as the API returns it; the named fields are always present. */
export interface FakeMessage {
  id: string;
  type: number;
  channel_id: string;
  guild_id?: string;
  author: APIUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  mentions: unknown[];
  mention_roles: string[];
  mention_everyone: boolean;
  pinned: boolean;
  tts: boolean;
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  [field: string]: unknown;
}

/** Where a new message goes and who wrote it; the body is what the client sent (or a test's spec). */
export interface MessageDraft {
  id: string;
  channelId: string;
  guildId?: string | undefined;
  author: APIUser;
  body: Record<string, unknown>;
  /** Message type: 0 default, 19 reply, 20 chat-input command response, 23 context-menu response. @default 0, or 19 with a reference */
  type?: number;
  /** Extra top-level fields (webhook_id, interaction_metadata, member, mentions…). */
  extra?: Record<string, unknown>;
  referencedMessage?: FakeMessage | undefined;
}

/** Message flags the fake sets itself. */
export const MessageFlag = { Ephemeral: 64, Loading: 128 } as const;

/** Every message the fake has seen or made, by id. */
export class MessageStore {
  readonly #messages = new Map<string, FakeMessage>();

  add(message: FakeMessage): FakeMessage {
    this.#messages.set(message.id, message);
    return message;
  }

  get(id: string): FakeMessage | undefined {
    return this.#messages.get(id);
  }

  /** Applies an edit body (PATCH) and returns the edited message, or undefined if unknown. */
  edit(id: string, body: Record<string, unknown>): FakeMessage | undefined {
    const current = this.#messages.get(id);
    if (!current) return undefined;
    const edited = editedMessage(current, body);
    this.#messages.set(id, edited);
    return edited;
  }

  delete(id: string): boolean {
    return this.#messages.delete(id);
  }

  /** Messages of a channel, oldest first. */
  inChannel(channelId: string): FakeMessage[] {
    return [...this.#messages.values()].filter((message) => message.channel_id === channelId);
  }

  all(): FakeMessage[] {
    return [...this.#messages.values()];
  }
}

/** Builds the message object the API would return for a create request. */
export function buildMessage(draft: MessageDraft): FakeMessage {
  const { body } = draft;
  const reference = draft.referencedMessage;
  return {
    id: draft.id,
    type: draft.type ?? (reference ? 19 : 0),
    channel_id: draft.channelId,
    ...(draft.guildId === undefined ? {} : { guild_id: draft.guildId }),
    author: draft.author,
    content: typeof body['content'] === 'string' ? body['content'] : '',
    embeds: arrayField(body, 'embeds'),
    components: arrayField(body, 'components'),
    attachments: attachmentsFrom(arrayField(body, 'attachments')),
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: body['tts'] === true,
    flags: typeof body['flags'] === 'number' ? body['flags'] : 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...(reference
      ? {
          message_reference: { type: 0, message_id: reference.id, channel_id: reference.channel_id, guild_id: reference.guild_id },
          referenced_message: reference,
        }
      : {}),
    ...draft.extra,
  };
}

function editedMessage(current: FakeMessage, body: Record<string, unknown>): FakeMessage {
  const next: FakeMessage = { ...current, edited_timestamp: new Date().toISOString() };
  if ('content' in body) next.content = typeof body['content'] === 'string' ? body['content'] : '';
  if ('embeds' in body) next.embeds = arrayField(body, 'embeds');
  if ('components' in body) next.components = arrayField(body, 'components');
  if ('attachments' in body) next.attachments = attachmentsFrom(arrayField(body, 'attachments'));
  const keptFlags = current.flags & MessageFlag.Ephemeral;
  next.flags = (typeof body['flags'] === 'number' ? body['flags'] : current.flags & ~MessageFlag.Loading) | keptFlags;
  return next;
}

function arrayField(body: Record<string, unknown>, key: string): unknown[] {
  const value = body[key];
  return Array.isArray(value) ? value : [];
}

function attachmentsFrom(requested: unknown[]): unknown[] {
  return requested.map((entry, index) => {
    const attachment = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const filename = typeof attachment['filename'] === 'string' ? attachment['filename'] : `file${index}`;
    const id = String(attachment['id'] ?? index);
    const size = typeof attachment['size'] === 'number' ? attachment['size'] : 0;
    return { id, filename, size, url: `https://cdn.fake.invalid/attachments/${id}/${filename}`, proxy_url: `https://media.fake.invalid/${id}/${filename}` };
  });
}
