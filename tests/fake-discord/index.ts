export { FakeDiscord, type FakeDiscordAddress } from './server.ts';
export { defaultFakeDiscordOptions, type FakeDiscordOptions, type FakeGuildOptions } from './options.ts';
export { DiscordErrors, type FailureResponse, type FailureRule } from './failures.ts';
export { FakeDiscordTimeoutError } from './journal.ts';
export { DiscordLimits } from './validation.ts';
export { GatewayIntent } from './intents.ts';
export type { RecordedFile, RecordedRequest } from './http-io.ts';
export type { GatewayFrame } from './gateway-session.ts';
export type {
  AutocompleteSpec,
  ButtonSpec,
  CommandOptionsSpec,
  InteractionSpec,
  MessageContextMenuSpec,
  SentInteraction,
  SlashCommandSpec,
} from './interaction-factory.ts';
export type { AcceptedCallback, FakeInteraction } from './interaction-registry.ts';
export type { FakeMessage } from './messages.ts';
export type { StoredCommand } from './commands.ts';
export type { UserMessageSpec } from './user-messages.ts';
export type { FakeGuild, FakeTextChannel, FakeDmChannel, FakeUserSpec, PlaceSpec } from './world.ts';
