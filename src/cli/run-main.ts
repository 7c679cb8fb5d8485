import { format } from 'node:util';
import { loadConfig, readEnvFile } from '../config.ts';
import { AppError } from '../errors.ts';
import { scrubSecrets } from '../logger.ts';

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
 * read the way the entry points read it (loadConfig: .env, then the environment), and only
 * when there is an error to print. When the settings are invalid, loadConfig has thrown
 * before any entry point could hold the token; only code that reads the environment itself
 * (discord.js falls back to DISCORD_TOKEN) could, so the raw values, of the environment and of
 * the .env file, are scrubbed then.
 */
function configuredSecrets(): string[] {
  let token: string | undefined;
  try {
    token = loadConfig().discord?.token;
  } catch {
    // Both places it may come from, as loadConfig reads them; a bad .env file leaves the environment's.
    const tokens = [process.env.DISCORD_TOKEN, tokenInEnvFile()].map((value) => value?.trim()).filter((value): value is string => !!value);
    return [...new Set(tokens)];
  }
  return token ? [token] : [];
}

function tokenInEnvFile(): string | undefined {
  try {
    return readEnvFile()['DISCORD_TOKEN'];
  } catch {
    return undefined;
  }
}
