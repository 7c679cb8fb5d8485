import { CommandStore } from './commands.ts';
import { InteractionRegistry } from './interaction-registry.ts';
import { MessageStore } from './messages.ts';
import type { ResolvedFakeDiscordOptions } from './options.ts';
import { createSnowflakeSource, type SnowflakeSource } from './snowflake.ts';
import { FakeWorld } from './world.ts';

/** Everything the fake's REST routes and event builders share. */
export interface FakeState {
  options: ResolvedFakeDiscordOptions;
  ids: SnowflakeSource;
  world: FakeWorld;
  commands: CommandStore;
  messages: MessageStore;
  interactions: InteractionRegistry;
  /** ws://127.0.0.1:PORT, set once the server listens; what GET /gateway/bot and READY announce. */
  gatewayUrl: string;
}

/** Fresh state for one fake: a new world, empty stores; gatewayUrl is set when the server listens. */
export function createFakeState(options: ResolvedFakeDiscordOptions): FakeState {
  const ids = createSnowflakeSource();
  const world = new FakeWorld(options, ids);
  return {
    options,
    ids,
    world,
    commands: new CommandStore(world.applicationId, ids),
    messages: new MessageStore(),
    interactions: new InteractionRegistry(),
    gatewayUrl: '',
  };
}
