import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.ts';
import { scrubSecrets, usableSecrets } from './secrets.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** @default 'info' */
  level?: LogLevel;
  /** Strings that must never appear in a log line (the bot token); replaced by [REDACTED]. @default [] */
  secrets?: readonly string[];
  /** Where lines go. @default standard error */
  destination?: DestinationStream;
}

/** Object paths whose values are replaced by [REDACTED] in every log line. */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'rest.token',
] as const;

/**
 * A pino logger (JSON lines on stderr) that redacts token fields and, as a second guard,
 * scrubs the given secrets from every serialised line, wherever they were interpolated.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = usableSecrets(options.secrets ?? []);
  const target = options.destination ?? pino.destination({ dest: 2, sync: true });
  const destination: DestinationStream = secrets.length === 0 ? target : { write: (line: string) => target.write(scrubSecrets(line, secrets)) };
  return pino({ level: options.level ?? 'info', redact: { paths: [...REDACTED_PATHS], censor: '[REDACTED]' } }, destination);
}
