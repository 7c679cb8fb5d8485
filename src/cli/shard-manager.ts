import { ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';

/**
 * The ShardingManager of the bot's shard processes (src/main.ts), which hands them `fingerprint`,
 * the index cache's as `npm run start:sharded` checked it, in INDEX_CACHE_FINGERPRINT.
 */
export function createShardingManager(options: { token: string; totalShards: number | 'auto'; fingerprint: string | undefined }): ShardingManager {
  // The shard processes inherit this environment (and discord.js marks them with SHARDING_MANAGER, without which it is ignored):
  // each loads the cache start:sharded checked without fingerprinting the corpus again, while the cache still holds this fingerprint.
  // Without one (caching off), a value this process inherited must not reach them.
  if (options.fingerprint !== undefined) process.env['INDEX_CACHE_FINGERPRINT'] = options.fingerprint;
  else delete process.env['INDEX_CACHE_FINGERPRINT'];
  return new ShardingManager(fileURLToPath(new URL('../main.ts', import.meta.url)), {
    token: options.token,
    totalShards: options.totalShards,
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
}
