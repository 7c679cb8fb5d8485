import { DiscordAPIError } from 'discord.js';

/** Discord JSON error codes the bot reacts to. */
export const ApiErrorCode = {
  UnknownInteraction: 10062,
  AlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  MissingPermissions: 50013,
} as const;

/** The Discord error code of a REST failure, or undefined for other errors. */
export function discordErrorCode(error: unknown): number | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? error.code : undefined;
}

/** The interaction can no longer be answered (expired, or answered elsewhere): log and drop. */
export function isGoneInteraction(error: unknown): boolean {
  const code = discordErrorCode(error);
  return code === ApiErrorCode.UnknownInteraction || code === ApiErrorCode.AlreadyAcknowledged;
}

/** The bot may not do this in this channel. */
export function isMissingPermissions(error: unknown): boolean {
  const code = discordErrorCode(error);
  return code === ApiErrorCode.MissingPermissions || code === ApiErrorCode.MissingAccess;
}

/** A short description of an error for a log line. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) return { name: error.name, code: error.code, status: error.status, method: error.method, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { message: String(error) };
}
