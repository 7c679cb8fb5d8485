import type { SnowflakeSource } from './snowflake.ts';

/** An application command as stored and returned by the fake (the body the client sent, plus ids). */
export interface StoredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  type: number;
  description: string;
  options?: unknown[];
  version: string;
  [field: string]: unknown;
}

/**
 * Registered application commands: the global set and one set per guild, each replaced
 * wholesale by a bulk overwrite (PUT) as on the real API.
 */
export class CommandStore {
  readonly #global: StoredCommand[] = [];
  readonly #byGuild = new Map<string, StoredCommand[]>();
  readonly #ids: SnowflakeSource;
  readonly #applicationId: string;
  /** Stable ids for commands used in interactions but never registered. */
  readonly #unregisteredIds = new Map<string, string>();

  constructor(applicationId: string, ids: SnowflakeSource) {
    this.#applicationId = applicationId;
    this.#ids = ids;
  }

  /** Replaces the set (global when guildId is undefined); a command keeps its id when its name and type stay. */
  overwrite(bodies: Record<string, unknown>[], guildId?: string): StoredCommand[] {
    const previous = this.list(guildId);
    const next = bodies.map((body): StoredCommand => {
      const name = String(body['name'] ?? '');
      const type = typeof body['type'] === 'number' ? body['type'] : 1;
      const kept = previous.find((command) => command.name === name && command.type === type);
      return {
        ...body,
        id: kept?.id ?? this.#ids.next(),
        application_id: this.#applicationId,
        ...(guildId === undefined ? {} : { guild_id: guildId }),
        name,
        type,
        description: String(body['description'] ?? ''),
        version: this.#ids.next(),
      };
    });
    if (guildId === undefined) this.#global.splice(0, this.#global.length, ...next);
    else this.#byGuild.set(guildId, next);
    return next;
  }

  list(guildId?: string): StoredCommand[] {
    return guildId === undefined ? [...this.#global] : [...(this.#byGuild.get(guildId) ?? [])];
  }

  /** The command a user would invoke in this guild (guild commands shadow global ones). */
  find(name: string, type: number, guildId?: string): StoredCommand | undefined {
    const matches = (command: StoredCommand) => command.name === name && command.type === type;
    return (guildId === undefined ? undefined : this.#byGuild.get(guildId)?.find(matches)) ?? this.#global.find(matches);
  }

  /** The id to put in an interaction for this command, registered or not. */
  idFor(name: string, type: number, guildId?: string): string {
    const registered = this.find(name, type, guildId);
    if (registered) return registered.id;
    const key = `${type}:${name}`;
    let id = this.#unregisteredIds.get(key);
    if (!id) {
      id = this.#ids.next();
      this.#unregisteredIds.set(key, id);
    }
    return id;
  }
}
