/** Milliseconds since the Unix epoch at which Discord snowflakes start (2015-01-01). */
export const DISCORD_EPOCH = 1_420_070_400_000;

/**
 * Makes Discord-shaped ids: a timestamp in the high bits and a counter in the low
 * bits, so discord.js derives a sensible `createdTimestamp` and ids sort by creation.
 */
export interface SnowflakeSource {
  next(): string;
}

/** A snowflake source; ids made within the same millisecond stay unique through the counter. */
export function createSnowflakeSource(now: () => number = Date.now): SnowflakeSource {
  let increment = 0n;
  return {
    next() {
      increment = (increment + 1n) & 0xfffn;
      return ((BigInt(now() - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
    },
  };
}

/** A token in the alphabet Discord uses for interaction tokens ([A-Za-z0-9_-]). */
export function randomToken(length = 64): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let token = '';
  for (let i = 0; i < length; i++) token += alphabet[Math.floor(Math.random() * alphabet.length)];
  return token;
}
