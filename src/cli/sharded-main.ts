import { ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { prepareIndexCache } from '../index-cache/open.ts';
import { formatWarning } from './open-engine.ts';
import { runMain } from './run-main.ts';

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

/**
 * The ShardingManager of the bot's shard processes (src/main.ts), which hands them `fingerprint`,
 * the index cache's as checked here, in INDEX_CACHE_FINGERPRINT. Exported for its test.
 */
export function createShardingManager(options: { token: string; totalShards: number | 'auto'; fingerprint: string | undefined }): ShardingManager {
  // The shard processes inherit this environment (and discord.js marks them with SHARDING_MANAGER, without which it is ignored):
  // each loads the cache checked here without fingerprinting the corpus again, while the cache still holds this fingerprint.
  if (options.fingerprint !== undefined) process.env['INDEX_CACHE_FINGERPRINT'] = options.fingerprint;
  return new ShardingManager(fileURLToPath(new URL('../main.ts', import.meta.url)), {
    token: options.token,
    totalShards: options.totalShards,
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
}
