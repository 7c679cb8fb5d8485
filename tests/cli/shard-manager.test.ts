import type { ShardingManager } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShardingManager } from '../../src/cli/shard-manager.ts';
import { parseConfig } from '../../src/config.ts';
import { FAKE_DISCORD_TOKEN } from '../fixtures/fake-token.ts';

const FINGERPRINT = 'ab'.repeat(32);

beforeEach(() => {
  // Unset, and restored after each test, whatever createShardingManager writes.
  vi.stubEnv('INDEX_CACHE_FINGERPRINT', undefined);
});
afterEach(() => vi.unstubAllEnvs());

describe('createShardingManager (npm run start:sharded)', () => {
  it('hands each shard process the index-cache fingerprint it checked, which the shard then reads', () => {
    const environment = shardEnvironment(createShardingManager({ token: FAKE_DISCORD_TOKEN, totalShards: 2, fingerprint: FINGERPRINT }));
    expect(environment['INDEX_CACHE_FINGERPRINT']).toBe(FINGERPRINT);
    const config = parseConfig(environment);
    expect(config.indexCacheFingerprint).toBe(FINGERPRINT);
    expect(config.discord?.token).toBe(FAKE_DISCORD_TOKEN);
  });

  it('hands none when there is no fingerprint (caching off), not even one it inherited: each shard fingerprints the corpus itself', () => {
    vi.stubEnv('INDEX_CACHE_FINGERPRINT', FINGERPRINT);
    const environment = shardEnvironment(createShardingManager({ token: FAKE_DISCORD_TOKEN, totalShards: 2, fingerprint: undefined }));
    expect(environment['INDEX_CACHE_FINGERPRINT']).toBeUndefined();
    expect(parseConfig(environment).indexCacheFingerprint).toBeUndefined();
  });
});

/** The environment the manager would fork a shard process with, as that process reads it (strings), without forking it. */
function shardEnvironment(manager: ShardingManager): Record<string, string> {
  const { env } = manager.createShard(0);
  return Object.fromEntries(Object.entries(env as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
}
