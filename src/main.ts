import { stdin, stdout, stderr } from 'node:process';
import { loadConfig } from './config.ts';
import { parseArgs } from './cli/args.ts';
import { formatWarning, openEngine } from './cli/open-engine.ts';
import { runMain } from './cli/run-main.ts';
import { runTerminal } from './cli/terminal.ts';
import { createLogger } from './logger.ts';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (in the environment or
 * .env), otherwise the terminal mode over the same engine.
 */
runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const corpusDir = args.corpusDir ?? config.corpusDir;
  if (config.discord) {
    const logger = createLogger({ level: config.logLevel, secrets: [config.discord.token] });
    const { engine, from, milliseconds } = openEngine({
      corpusDir,
      cachePath: config.indexCachePath,
      onWarning: (warning) => logger.warn({ file: warning.file }, warning.message),
    });
    logger.info({ corpusDir, documents: engine.documents().length, passages: engine.index.passages.length, from, milliseconds }, 'corpus ready');
    const { startBot, installShutdown } = await import('./discord/index.ts');
    const bot = await startBot({ config: config.discord, engine, logger });
    installShutdown(bot.stop);
    return new Promise<number>(() => {});
  }
  const interactive = stdin.isTTY === true;
  const { engine } = openEngine({
    corpusDir,
    cachePath: config.indexCachePath,
    onWarning: (warning) => stderr.write(`${formatWarning(warning)}\n`),
    ...(interactive ? { onStatus: (message: string) => stderr.write(`${message}\n`) } : {}),
  });
  if (interactive) stderr.write('No DISCORD_TOKEN set: terminal mode. Set it in .env to run the Discord bot.\n');
  await runTerminal({ engine, input: stdin, output: stdout, interactive, top: args.top, color: interactive && stdout.isTTY === true });
  return 0;
});
