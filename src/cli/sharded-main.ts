import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { prepareIndexCache } from '../index-cache/open.ts';
import { formatWarning } from './open-engine.ts';
import { runMain } from './run-main.ts';
import { createShardingManager } from './shard-manager.ts';

/**
 * `npm run start:sharded`: runs the bot under discord.js's ShardingManager
 * (DISCORD_SHARDS=auto by default; discord.js itself sets SHARDS and SHARD_COUNT in each shard process). The index is built once here, into the cache, so
 * every shard process loads the same prebuilt index instead of rebuilding it.
 */
runMain(async () => {
  const config = loadConfig();
  if (!config.discord) {
    console.error('error: DISCORD_TOKEN is not set: sharding only applies to the Discord bot.');
    return 2;
  }
  const { token } = config.discord;
  const logger = createLogger({ level: config.logLevel, secrets: [token] });
  // Built or checked here (its header and checksum, not its index), into the cache: the shards load it. No engine is needed in this process.
  const { fingerprint } = prepareIndexCache({
    corpusDir: config.corpusDir,
    cachePath: config.indexCachePath,
    onWarning: (warning) => logger.warn(formatWarning(warning)),
    onStatus: (message) => logger.info(message),
  });
  const manager = createShardingManager({ token, totalShards: config.shards, fingerprint });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id }, 'shard launched'));
  // discord.js errors may carry the request, and with it the token: runMain scrubs it from what it prints.
  await manager.spawn();
  return new Promise<number>(() => {});
});
