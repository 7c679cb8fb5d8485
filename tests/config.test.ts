import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../src/config.ts';
import { FAKE_DISCORD_TOKEN, FAKE_DISCORD_TOKEN_SECRET } from './fixtures/fake-token.ts';
import { thrownBy } from './fixtures/thrown.ts';
import { tempDir } from './fixtures/temp-copy.ts';
import { scrubSecrets } from '../src/secrets.ts';

describe('parseConfig', () => {
  it('reads the fingerprint the sharding parent hands its shards, in a shard only, and names the variable when it is not one', () => {
    const fingerprint = 'AB'.repeat(32);
    expect(parseConfig({ SHARDING_MANAGER: 'true', INDEX_CACHE_FINGERPRINT: fingerprint }).indexCacheFingerprint).toBe(fingerprint.toLowerCase());
    expect(parseConfig({ SHARDING_MANAGER: 'true' }).indexCacheFingerprint).toBeUndefined();
    // Left in .env or the shell for a plain `npm start`, it would skip the corpus check: ignored there.
    expect(parseConfig({ INDEX_CACHE_FINGERPRINT: fingerprint }).indexCacheFingerprint).toBeUndefined();
    expect(() => parseConfig({ SHARDING_MANAGER: 'true', INDEX_CACHE_FINGERPRINT: 'latest' })).toThrow(/INDEX_CACHE_FINGERPRINT/);
  });

  it('uses the defaults and stays in terminal mode without a token', () => {
    expect(parseConfig({})).toMatchObject({ discord: undefined, corpusDir: './corpus', logLevel: 'info', engineWorker: 'auto' });
  });

  it('reads every Discord setting when a token is set', () => {
    const config = parseConfig({
      DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api/',
      CORPUS_DIR: 'docs',
      LOG_LEVEL: 'DEBUG',
      RATE_LIMIT_QUESTIONS: '2',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      ENGINE_WORKER: 'Off',
    });
    expect(config).toMatchObject({
      discord: { token: FAKE_DISCORD_TOKEN, clientId: '123456789012345678', guildId: '876543210987654321', apiUrl: 'http://127.0.0.1:9999/api', rateLimit: { questions: 2, windowSeconds: 10 } },
      corpusDir: 'docs',
      logLevel: 'debug',
      engineWorker: 'off',
    });
  });

  it('treats empty values as unset', () => {
    const config = parseConfig({ DISCORD_TOKEN: FAKE_DISCORD_TOKEN, DISCORD_GUILD_ID: '', DISCORD_API_URL: ' ' });
    expect(config.discord?.guildId).toBeUndefined();
    expect(config.discord?.apiUrl).toBe('https://discord.com/api');
  });

  it.each([
    ['DISCORD_TOKEN', `${FAKE_DISCORD_TOKEN} with spaces`],
    ['DISCORD_CLIENT_ID', 'my-app'],
    ['DISCORD_GUILD_ID', '12ab'],
    ['DISCORD_API_URL', 'not a url'],
    ['DISCORD_API_URL', 'ftp://discord.com/api'],
    ['DISCORD_API_URL', 'https://discord.com/api/v10'],
    ['LOG_LEVEL', 'loud'],
    ['RATE_LIMIT_QUESTIONS', '0'],
    ['RATE_LIMIT_WINDOW_SECONDS', '1.5'],
    ['ENGINE_WORKER', 'yes'],
  ])('rejects a bad %s (%j) with CONFIG_INVALID naming it', (key, value) => {
    const error = thrownBy(() => parseConfig({ DISCORD_TOKEN: FAKE_DISCORD_TOKEN, [key]: value }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain(key);
    expect(error.message).not.toContain(FAKE_DISCORD_TOKEN_SECRET);
  });

  it.each(['ENGINE_WORKER', 'DISCORD_CLIENT_ID', 'RATE_LIMIT_QUESTIONS'])('quotes a token pasted as %s as written, so the scrubber still finds it', (key) => {
    const error = thrownBy(() => parseConfig({ DISCORD_TOKEN: FAKE_DISCORD_TOKEN, [key]: FAKE_DISCORD_TOKEN }));
    // The settings quote a start of the value (cut short, never changed): runMain scrubs any start of the token that long.
    const { message } = error;
    expect(message).toContain(`got "${FAKE_DISCORD_TOKEN.slice(0, 40)}"`);
    expect(scrubSecrets(message, [FAKE_DISCORD_TOKEN])).toBe(message.replace(FAKE_DISCORD_TOKEN.slice(0, 40), '[REDACTED]'));
  });
});

describe('loadConfig', () => {
  it('reads the .env file, with the environment winning', () => {
    const dir = tempDir('config-');
    const envFile = join(dir, '.env');
    writeFileSync(envFile, `DISCORD_TOKEN=${FAKE_DISCORD_TOKEN}\nLOG_LEVEL=warn\nCORPUS_DIR=from-file\n`);
    const config = loadConfig({ envFile, env: { CORPUS_DIR: 'from-env' } });
    expect(config.discord?.token).toBe(FAKE_DISCORD_TOKEN);
    expect(config.logLevel).toBe('warn');
    expect(config.corpusDir).toBe('from-env');
  });

  it('works without a .env file', () => {
    expect(loadConfig({ envFile: join(tmpdir(), 'no-such-dir', '.env'), env: {} }).discord).toBeUndefined();
  });
});
