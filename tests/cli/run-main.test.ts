import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { runMain } from '../../src/cli/run-main.ts';
import { AppError } from '../../src/errors.ts';
import { parseConfig } from '../../src/config.ts';
import { FAKE_DISCORD_TOKEN, FAKE_DISCORD_TOKEN_SECRET } from '../fixtures/fake-token.ts';
import { tempDir } from '../fixtures/temp-copy.ts';
import { runCli } from './run-cli.ts';

let exitCodeBefore: typeof process.exitCode;
let printed: MockInstance<typeof console.error>;

beforeEach(() => {
  exitCodeBefore = process.exitCode;
  printed = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.stubEnv('DISCORD_TOKEN', FAKE_DISCORD_TOKEN);
});

afterEach(() => {
  printed.mockRestore();
  vi.unstubAllEnvs();
  process.exitCode = exitCodeBefore;
});

/** Everything runMain printed to stderr, as console.error would have written it. */
function stderrText(): string {
  return printed.mock.calls.map((args) => format(...args)).join('\n');
}

describe('runMain sets the exit code', () => {
  it('to what main returns, printing nothing', async () => {
    await runMain(async () => 3);
    expect(process.exitCode).toBe(3);
    expect(printed).not.toHaveBeenCalled();
  });

  it('to 2 for a usage error, printing its message alone', async () => {
    await runMain(() => {
      throw new AppError('USAGE', 'unknown flag --nope');
    });
    expect(process.exitCode).toBe(2);
    expect(stderrText()).toBe('error: unknown flag --nope');
  });
});

describe('runMain never prints the Discord token', () => {
  it('scrubs it from the message and stack of a plain Error', async () => {
    const error = new Error(`login failed for ${FAKE_DISCORD_TOKEN}`);
    expect(error.stack).toContain(FAKE_DISCORD_TOKEN);
    await runMain(async () => {
      throw error;
    });
    expect(process.exitCode).toBe(1);
    const text = stderrText();
    expect(text).toContain('Error: login failed for [REDACTED]');
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain(FAKE_DISCORD_TOKEN);
    expect(text).not.toContain(JSON.stringify(FAKE_DISCORD_TOKEN).slice(1, -1));
    expect(text).not.toContain(FAKE_DISCORD_TOKEN_SECRET);
  });

  it('scrubs it from an AppError message', async () => {
    await runMain(() => {
      throw new AppError('CONFIG_INVALID', `Invalid thing: ${FAKE_DISCORD_TOKEN} is wrong.`);
    });
    expect(process.exitCode).toBe(1);
    expect(stderrText()).toBe('error: Invalid thing: [REDACTED] is wrong.');
  });

  it('scrubs the start of it that a settings error quotes, when the token was pasted on the wrong line', async () => {
    vi.stubEnv('DISCORD_CLIENT_ID', FAKE_DISCORD_TOKEN);
    await runMain(() => {
      parseConfig(process.env);
      return 0;
    });
    expect(process.exitCode).toBe(1);
    // The settings quote a rejected id's first 40 characters: a start of the token, not all of it.
    expect(stderrText()).toBe('error: Invalid DISCORD_CLIENT_ID: must be a Discord id (digits only), got "[REDACTED]".');
  });

  it('scrubs it from properties and the cause chain', async () => {
    const cause = new Error('rejected', { cause: new Error(`Bot ${FAKE_DISCORD_TOKEN} is not valid`) });
    const error = Object.assign(new Error('request failed', { cause }), { requestBody: { json: JSON.stringify({ token: FAKE_DISCORD_TOKEN }) } });
    await runMain(async () => {
      throw error;
    });
    expect(process.exitCode).toBe(1);
    const text = stderrText();
    expect(text).toContain('Bot [REDACTED] is not valid');
    expect(text).toContain('requestBody');
    expect(text).not.toContain(FAKE_DISCORD_TOKEN_SECRET);
  });

  it('scrubs it from a thrown string', async () => {
    await runMain(() => {
      throw `token ${FAKE_DISCORD_TOKEN} refused`;
    });
    expect(process.exitCode).toBe(1);
    expect(stderrText()).toBe('token [REDACTED] refused');
  });

  it('scrubs the raw variable, also JSON-escaped, when the settings are invalid', async () => {
    const odd = 'abc"def\\ghi-12345';
    vi.stubEnv('DISCORD_TOKEN', odd);
    await runMain(async () => {
      throw new Error(`request failed: ${JSON.stringify({ token: odd })} (${odd})`);
    });
    expect(process.exitCode).toBe(1);
    const text = stderrText();
    expect(text).toContain('request failed: {"token":"[REDACTED]"} ([REDACTED])');
    expect(text).not.toContain('ghi-12345');
  });
});

describe('no entry point prints the Discord token of the .env file when the settings are invalid', () => {
  it.each([
    // runMain prints what escapes an entry point; deploy-commands prints its own one-line refusal.
    ['index-main.ts', 'error: '],
    ['deploy-commands.ts', 'deploy-commands failed: '],
  ])('%s scrubs it from the error it prints (the variable is not set)', async (script, prefix) => {
    const dir = tempDir('run-main-env-');
    // The token pasted on the next line as well: the error names DISCORD_API_URL and quotes the value it rejects.
    writeFileSync(join(dir, '.env'), `DISCORD_TOKEN=${FAKE_DISCORD_TOKEN}\nDISCORD_API_URL=${FAKE_DISCORD_TOKEN}\n`);
    const run = await runCli(script, [], undefined, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`${prefix}Invalid DISCORD_API_URL: must be a URL such as https://discord.com/api, got "[REDACTED]".\n`);
    expect(run.stdout + run.stderr).not.toContain(FAKE_DISCORD_TOKEN_SECRET);
  });
});

describe('runMain prints errors that hold no secret as they are', () => {
  it.each([
    ['a token is set', FAKE_DISCORD_TOKEN],
    ['no token is set', ''],
  ])('when %s', async (_when, token) => {
    vi.stubEnv('DISCORD_TOKEN', token);
    await runMain(async () => {
      throw new TypeError('connection refused');
    });
    expect(process.exitCode).toBe(1);
    const text = stderrText();
    expect(text).toContain('TypeError: connection refused');
    expect(text).toMatch(/\n\s+at /);
    expect(text).not.toContain('[REDACTED]');
  });
});
