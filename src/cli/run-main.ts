import { format } from 'node:util';
import { readEnvFile } from '../config.ts';
import { AppError } from '../errors.ts';
import { scrubSecrets } from '../secrets.ts';

/**
 * Runs an entry point: its return value is the exit code; an AppError prints
 * its message alone (it names what is wrong), anything else what console.error
 * would print for it (stack, properties, cause chain). It is the last guard of
 * the rule that the Discord token never reaches the output: whatever it prints
 * has the token scrubbed first. Resolves once the exit code is set.
 */
export function runMain(main: () => number | Promise<number>): Promise<void> {
  return Promise.resolve()
    .then(main)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      process.exitCode = error instanceof AppError && error.code === 'USAGE' ? 2 : 1;
      console.error(printableError(error));
    });
}

/** The text printed for an error that escaped main, with the secrets scrubbed. */
function printableError(error: unknown): string {
  try {
    const text = error instanceof AppError ? `error: ${error.message}` : format(error);
    return scrubSecrets(text, configuredSecrets());
  } catch {
    // Never let the guard itself throw: the rejection would print the original error unscrubbed.
    return 'error: an unexpected error occurred (it could not be printed safely)';
  }
}

/**
 * The secrets to keep out of the output: the bot token, read here rather than passed in by
 * each entry point, so that no entry point (present or future) can forget to pass it. It is
 * read from both places the settings take it from, raw and only when there is an error to
 * print: the environment and the .env file. The settings take the environment's when both
 * are set; scrubbing both is never less safe, and needs no valid settings (when they are
 * invalid, only code that reads the environment itself, as discord.js does, holds a token).
 */
export function configuredSecrets(): string[] {
  const tokens = [process.env.DISCORD_TOKEN, tokenInEnvFile()].map((value) => value?.trim()).filter((value): value is string => !!value);
  return [...new Set(tokens)];
}

function tokenInEnvFile(): string | undefined {
  try {
    return readEnvFile()['DISCORD_TOKEN'];
  } catch {
    return undefined;
  }
}
