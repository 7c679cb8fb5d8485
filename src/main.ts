import { stdin, stdout, stderr } from 'node:process';
import { loadConfig } from './config.ts';
import { parseArgs } from './cli/args.ts';
import { formatWarning } from './cli/open-engine.ts';
import { openEngine } from './index-cache/open.ts';
import { runMain } from './cli/run-main.ts';
import { runTerminal } from './cli/terminal.ts';
import { openAsyncEngine } from './engine-host/index.ts';
import { createLogger } from './logger.ts';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (in the environment or
 * .env), otherwise the terminal mode over the same engine. The bot answers from a
 * worker thread unless ENGINE_WORKER=off; the terminal answers on this thread.
 */
runMain(async () => {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const corpusDir = args.corpusDir ?? config.corpusDir;
  if (config.discord) {
    const logger = createLogger({ level: config.logLevel, secrets: [config.discord.token] });
    let stopAll: (() => Promise<void>) | undefined;
    const { engine, from, milliseconds } = await openAsyncEngine({
      worker: config.engineWorker,
      source: { kind: 'corpus', corpusDir, cachePath: config.indexCachePath, fingerprint: config.indexCacheFingerprint },
      onWarning: (warning) => logger.warn({ file: warning.file }, warning.message),
      onStatus: (message) => logger.info(message),
      onFallback: (reason) => logger.warn({ reason }, 'engine worker unavailable; answering on the main thread (ENGINE_WORKER=auto)'),
      onCrash: ({ reason, restarting }) => {
        if (restarting) {
          logger.error({ reason }, 'engine worker stopped; restarting it');
          return;
        }
        // Without an engine the bot can only apologise: exit so the supervisor (or the ShardingManager) restarts it.
        logger.fatal({ reason }, 'engine worker keeps stopping; shutting down');
        void (stopAll?.() ?? Promise.resolve()).finally(() => process.exit(1));
      },
    });
    logger.info({ corpusDir, documents: engine.documents().length, passages: engine.passageCount, from, milliseconds, engine: engine.kind }, 'corpus ready');
    const { startBot, installShutdown } = await import('./discord/index.ts');
    let bot: Awaited<ReturnType<typeof startBot>>;
    try {
      bot = await startBot({ config: config.discord, engine, logger });
    } catch (error) {
      await engine.close();
      throw error;
    }
    stopAll = async () => {
      await bot.stop();
      await engine.close();
    };
    installShutdown(stopAll);
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
