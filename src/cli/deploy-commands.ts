import { loadConfig } from '../config.ts';
import { deployCommands } from '../discord/deploy.ts';
import { scrubSecrets } from '../secrets.ts';
import { runMain } from './run-main.ts';

/**
 * `npm run deploy-commands`: registers the bot's commands in DISCORD_GUILD_ID (instant) or
 * globally. Exits non-zero on a bad setting or a refused registration.
 */
async function main(): Promise<number> {
  let token: string | undefined;
  try {
    const config = loadConfig();
    if (!config.discord) {
      console.error('DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).');
      return 1;
    }
    token = config.discord.token;
    const result = await deployCommands(config.discord);
    const where = result.scope === 'guild' ? `in guild ${result.guildId} (available now)` : 'globally (may take up to an hour to appear)';
    console.log(`Registered ${result.names.length} commands ${where}: ${result.names.join(', ')}`);
    return 0;
  } catch (error) {
    // A refused registration is an expected outcome: one line, not runMain's stack, so scrubbed here.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`deploy-commands failed: ${token ? scrubSecrets(message, [token]) : message}`);
    return 1;
  }
}

runMain(main);
