import type { APIUser } from 'discord.js';

/** A callback the fake accepted for an interaction (POST /interactions/{id}/{token}/callback). */
export interface AcceptedCallback {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  type: number;
  data: Record<string, unknown> | undefined;
  at: number;
}

/** What the fake remembers about an interaction it sent, and what the bot did with it. */
export interface FakeInteraction {
  id: string;
  token: string;
  applicationId: string;
  /** 2 application command, 3 message component, 4 autocomplete. */
  type: number;
  createdAt: number;
  channelId: string;
  guildId: string | undefined;
  user: APIUser;
  /** Message type of the response: 20 for slash commands, 23 for context menus, 0 otherwise. */
  responseMessageType: number;
  /** For component interactions: the message the component is on. */
  componentMessageId: string | undefined;
  callbacks: AcceptedCallback[];
  /** The response message (@original), once a reply or deferral made one. */
  originalMessageId: string | undefined;
  followUpMessageIds: string[];
}

/** Every interaction the fake has dispatched, by id and by token. */
export class InteractionRegistry {
  readonly #byId = new Map<string, FakeInteraction>();
  readonly #byToken = new Map<string, FakeInteraction>();

  add(interaction: FakeInteraction): void {
    this.#byId.set(interaction.id, interaction);
    this.#byToken.set(interaction.token, interaction);
  }

  byId(id: string): FakeInteraction | undefined {
    return this.#byId.get(id);
  }

  /** The interaction a webhook route refers to; interaction webhooks use the application id and the token. */
  byWebhook(applicationId: string, token: string): FakeInteraction | undefined {
    const interaction = this.#byToken.get(token);
    return interaction?.applicationId === applicationId ? interaction : undefined;
  }
}
