import { loadConfig } from '../config.ts';
import { deployCommands } from '../discord/deploy.ts';
import { scrubSecrets } from '../secrets.ts';
import { configuredSecrets, runMain } from './run-main.ts';

/**
 * `npm run deploy-commands`: registers the bot's commands in DISCORD_GUILD_ID (instant) or
 * globally. Exits non-zero on a bad setting or a refused registration.
 */
async function main(): Promise<number> {
  try {
    const config = loadConfig();
    if (!config.discord) {
      console.error('DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).');
      return 1;
    }
    const result = await deployCommands(config.discord);
    const where = result.scope === 'guild' ? `in guild ${result.guildId} (available now)` : 'globally (may take up to an hour to appear)';
    console.log(`Registered ${result.names.length} commands ${where}: ${result.names.join(', ')}`);
    return 0;
  } catch (error) {
    // A refused registration or a bad setting is an expected outcome: one line, not runMain's stack, so scrubbed here,
    // with the secrets runMain scrubs (a bad setting's message may quote a token pasted on the wrong line).
    const message = error instanceof Error ? error.message : String(error);
    console.error(`deploy-commands failed: ${scrubSecrets(message, configuredSecrets())}`);
    return 1;
  }
}

runMain(main);
