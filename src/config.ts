import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { AppError } from './errors.ts';

/** Log levels pino knows, plus 'silent'. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the Discord bot answers questions: ENGINE_WORKER. */
const ENGINE_WORKER_MODES = ['auto', 'on', 'off'] as const;
export type EngineWorkerMode = (typeof ENGINE_WORKER_MODES)[number];

/** Everything the Discord adapter needs; present only when DISCORD_TOKEN is set. */
export interface BotConfig {
  /** The bot token. Never log it or put it in an error message. */
  token: string;
  /** Application (client) id; deploy-commands looks it up from the token when absent. */
  clientId: string | undefined;
  /** Guild to register commands in (instant); global registration when absent. */
  guildId: string | undefined;
  /** REST base URL without the version, e.g. https://discord.com/api. */
  apiUrl: string;
  /** Per-user limit on questions (/ask, Find sources, mentions, and the More results and Share buttons, which ask again). */
  rateLimit: { questions: number; windowSeconds: number };
}

/** The application's settings, validated. */
export interface AppConfig {
  /** Undefined without DISCORD_TOKEN: the app runs in terminal mode. */
  discord: BotConfig | undefined;
  corpusDir: string;
  /** Where the built index is cached; false when INDEX_CACHE_PATH is "off". Undefined: the default place. */
  indexCachePath: string | false | undefined;
  /**
   * The corpus fingerprint the sharding parent checked its index cache against
   * (INDEX_CACHE_FINGERPRINT, which `npm run start:sharded` sets for its shards, read only in
   * a shard process): a shard loads a cache that still holds it without reading the corpus
   * again. Undefined: fingerprint the corpus.
   */
  indexCacheFingerprint: string | undefined;
  logLevel: LogLevel;
  /** Shards for `npm run start:sharded`: a count, or 'auto' to ask Discord. */
  shards: number | 'auto';
  /**
   * Where the Discord bot answers questions: 'on' in a worker thread, so answering never
   * blocks the bot's event loop; 'off' on the main thread; 'auto' in a worker, falling back
   * to the main thread (with a warning) if the worker thread cannot start. The terminal
   * mode and the CLIs always answer on the main thread.
   */
  engineWorker: EngineWorkerMode;
}

/** Where loadConfig reads from. Every field is optional. */
export interface LoadConfigOptions {
  /** Variables that win over the .env file. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** The .env file to read, or false for none. A missing file is not an error. @default '.env' */
  envFile?: string | false;
}

export const defaultConfig = {
  apiUrl: 'https://discord.com/api',
  corpusDir: './corpus',
  logLevel: 'info',
  engineWorker: 'auto',
  rateLimitQuestions: 5,
  rateLimitWindowSeconds: 30,
} as const;

/** The variables read, for documentation and tests. */
export const CONFIG_KEYS = [
  'DISCORD_TOKEN',
  'DISCORD_CLIENT_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'CORPUS_DIR',
  'INDEX_CACHE_PATH',
  'LOG_LEVEL',
  'DISCORD_SHARDS',
  'RATE_LIMIT_QUESTIONS',
  'RATE_LIMIT_WINDOW_SECONDS',
  'ENGINE_WORKER',
] as const;

/**
 * Reads the .env file (through dotenv) and the environment once, and validates them.
 * Environment variables win over the file. Throws AppError('CONFIG_INVALID') naming the
 * bad variable; DISCORD_TOKEN's value never appears in the message, but another variable's
 * rejected value is quoted, and may be a token pasted on the wrong line: print the message
 * scrubbed (runMain and deploy-commands do).
 */
export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  return parseConfig({ ...readEnvFile(options.envFile), ...(options.env ?? process.env) });
}

/** The variables a .env file sets (through dotenv); none when there is no such file or `false`. */
export function readEnvFile(envFile: string | false = '.env'): Record<string, string> {
  return envFile !== false && existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
}

/** Validates a set of variables into an AppConfig (pure). Empty values count as unset. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const read = (key: (typeof CONFIG_KEYS)[number] | 'INDEX_CACHE_FINGERPRINT'): string | undefined => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const token = read('DISCORD_TOKEN');
  if (token !== undefined && !/^[\w.-]+$/.test(token)) {
    invalid('DISCORD_TOKEN', 'must be the bot token from the developer portal (letters, digits, dots, dashes and underscores only)');
  }
  const clientId = snowflake('DISCORD_CLIENT_ID', read('DISCORD_CLIENT_ID'));
  const guildId = snowflake('DISCORD_GUILD_ID', read('DISCORD_GUILD_ID'));
  const apiUrl = httpUrl('DISCORD_API_URL', read('DISCORD_API_URL') ?? defaultConfig.apiUrl);
  const logLevel = read('LOG_LEVEL')?.toLowerCase() ?? defaultConfig.logLevel;
  if (!isLogLevel(logLevel)) invalid('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const engineWorkerAsWritten = read('ENGINE_WORKER');
  const engineWorker = engineWorkerAsWritten?.toLowerCase() ?? defaultConfig.engineWorker;
  // Quoted as written, not lowercased: a token pasted here must still be recognised, and scrubbed, where it is printed.
  if (!isEngineWorkerMode(engineWorker)) invalid('ENGINE_WORKER', `must be auto, on or off, got ${quoted(engineWorkerAsWritten ?? '')}`);
  const questions = positiveInteger('RATE_LIMIT_QUESTIONS', read('RATE_LIMIT_QUESTIONS'), defaultConfig.rateLimitQuestions, 1000);
  const windowSeconds = positiveInteger('RATE_LIMIT_WINDOW_SECONDS', read('RATE_LIMIT_WINDOW_SECONDS'), defaultConfig.rateLimitWindowSeconds, 86_400);
  const shards = read('DISCORD_SHARDS');
  return {
    discord: token === undefined ? undefined : { token, clientId, guildId, apiUrl, rateLimit: { questions, windowSeconds } },
    corpusDir: read('CORPUS_DIR') ?? defaultConfig.corpusDir,
    indexCachePath: indexCachePath(read('INDEX_CACHE_PATH')),
    // Not a user setting: honoured only in a process the sharding manager started (discord.js sets SHARDING_MANAGER there).
    indexCacheFingerprint: env['SHARDING_MANAGER'] ? sha256Hex('INDEX_CACHE_FINGERPRINT', read('INDEX_CACHE_FINGERPRINT')) : undefined,
    logLevel,
    engineWorker,
    shards: shards === undefined || shards === 'auto' ? 'auto' : positiveInteger('DISCORD_SHARDS', shards, 1, 10_000),
  };
}

function indexCachePath(value: string | undefined): string | false | undefined {
  if (value === undefined) return undefined;
  return /^(off|false|none|0)$/i.test(value) ? false : value;
}

function sha256Hex(key: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^[0-9a-f]{64}$/i.test(value)) invalid(key, 'must be the 64 hex digits npm run start:sharded sets for its shards');
  return value?.toLowerCase();
}

function invalid(key: string, why: string): never {
  throw new AppError('CONFIG_INVALID', `Invalid ${key}: ${why}.`);
}

/**
 * A rejected value as a message quotes it: a start of it as written, in quotes, never changed
 * otherwise, so a token pasted on the wrong line is still found by the scrubber where it is printed.
 */
function quoted(value: string, max = 40): string {
  return `"${value.slice(0, max)}"`;
}

function snowflake(key: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^\d{5,20}$/.test(value)) invalid(key, `must be a Discord id (digits only), got ${quoted(value)}`);
  return value;
}

function httpUrl(key: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalid(key, `must be a URL such as ${defaultConfig.apiUrl}, got ${quoted(value, 100)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') invalid(key, `must start with http:// or https://, got ${quoted(value, 100)}`);
  if (/\/v\d+\/?$/.test(url.pathname)) invalid(key, 'must not include the API version (the client adds /v10 itself)');
  return value.replace(/\/+$/, '');
}

function positiveInteger(key: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) invalid(key, `must be a whole number from 1 to ${max}, got ${quoted(value)}`);
  return Number(value);
}

function isEngineWorkerMode(value: string): value is EngineWorkerMode {
  return (ENGINE_WORKER_MODES as readonly string[]).includes(value);
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}
