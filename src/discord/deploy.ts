import { REST, Routes, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import type { BotConfig } from '../config.ts';
import { commands } from './commands/index.ts';

export interface DeployOptions {
  /** A REST client to use instead of one made from the config (tests). */
  rest?: Pick<REST, 'get' | 'put'>;
}

export interface DeployResult {
  scope: 'guild' | 'global';
  applicationId: string;
  guildId: string | undefined;
  /** Names of the registered commands. */
  names: string[];
}

/** The registration bodies of every command. */
export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return commands.map((command) => command.data);
}

/**
 * Registers the commands with one bulk overwrite: in DISCORD_GUILD_ID when set (instant),
 * else globally (may take a while to show). The application id is looked up from the token
 * when DISCORD_CLIENT_ID is not set. Never called at startup.
 */
export async function deployCommands(config: Pick<BotConfig, 'token' | 'clientId' | 'guildId' | 'apiUrl'>, options: DeployOptions = {}): Promise<DeployResult> {
  const rest = options.rest ?? new REST({ api: config.apiUrl, timeout: 15_000 }).setToken(config.token);
  const applicationId = config.clientId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = config.guildId ? Routes.applicationGuildCommands(applicationId, config.guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
  return { scope: config.guildId ? 'guild' : 'global', applicationId, guildId: config.guildId, names: registered.map((command) => command.name) };
}
