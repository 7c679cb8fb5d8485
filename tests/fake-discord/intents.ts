import { asArray, asRecord } from './json.ts';

/** Gateway intent bits the fake enforces. */
export const GatewayIntent = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
} as const;

/** What a session needs to see events: its intents and the bot's user id. */
export interface IntentContext {
  intents: number;
  botUserId: string;
}

/**
 * The dispatch data a session with these intents receives: undefined when its intents
 * exclude the event; message content stripped without MessageContent, except in DMs,
 * in messages by the bot and in messages that mention it (as on real Discord).
 */
export function visibleDispatch(event: string, data: Record<string, unknown>, context: IntentContext): Record<string, unknown> | undefined {
  const inGuild = typeof data['guild_id'] === 'string';
  const required = requiredIntent(event, inGuild);
  if (required !== undefined && (context.intents & required) === 0) return undefined;
  if ((event === 'MESSAGE_CREATE' || event === 'MESSAGE_UPDATE') && inGuild && !mayReadContent(data, context)) {
    return { ...data, content: '', embeds: [], attachments: [], components: [], poll: undefined };
  }
  return data;
}

function requiredIntent(event: string, inGuild: boolean): number | undefined {
  if (event.startsWith('MESSAGE_REACTION_')) return inGuild ? GatewayIntent.GuildMessageReactions : GatewayIntent.DirectMessageReactions;
  if (event.startsWith('MESSAGE_')) return inGuild ? GatewayIntent.GuildMessages : GatewayIntent.DirectMessages;
  if (event === 'TYPING_START') return inGuild ? GatewayIntent.GuildMessageTyping : GatewayIntent.DirectMessageTyping;
  if (/^(GUILD_(CREATE|UPDATE|DELETE|ROLE_.*)|CHANNEL_.*|THREAD_.*|STAGE_INSTANCE_.*)$/.test(event)) return GatewayIntent.Guilds;
  return undefined;
}

function mayReadContent(data: Record<string, unknown>, context: IntentContext): boolean {
  if ((context.intents & GatewayIntent.MessageContent) !== 0) return true;
  if (asRecord(data['author'])['id'] === context.botUserId) return true;
  return asArray(data['mentions']).some((user) => asRecord(user)['id'] === context.botUserId);
}
