import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { scrubbedError, scrubSecrets } from '../../src/secrets.ts';
import { captureLog } from './harness.ts';
import { FAKE_DISCORD_TOKEN, FAKE_DISCORD_TOKEN_SECRET } from '../fixtures/fake-token.ts';

describe('the logger never writes the token', () => {
  it('redacts token fields and scrubs the token wherever it was interpolated', () => {
    const log = captureLog([FAKE_DISCORD_TOKEN]);
    log.logger.info({ token: FAKE_DISCORD_TOKEN, config: { token: FAKE_DISCORD_TOKEN }, headers: { authorization: `Bot ${FAKE_DISCORD_TOKEN}` } }, 'starting');
    log.logger.error({ err: new Error(`login failed for ${FAKE_DISCORD_TOKEN}`) }, `bad token ${FAKE_DISCORD_TOKEN}`);
    expect(log.lines).toHaveLength(2);
    for (const line of log.lines) expect(line).not.toContain(FAKE_DISCORD_TOKEN_SECRET);
    expect(log.entries()[0]).toMatchObject({ token: '[REDACTED]', config: { token: '[REDACTED]' }, headers: { authorization: '[REDACTED]' } });
  });
});

describe('errors that may hold the token', () => {
  it.each([
    ['its message', () => new Error(`login failed for ${FAKE_DISCORD_TOKEN}`)],
    ['a property', () => Object.assign(new Error('login failed'), { requestBody: { token: FAKE_DISCORD_TOKEN } })],
    ['its cause', () => new Error('login failed', { cause: new Error(`Bot ${FAKE_DISCORD_TOKEN} rejected`) })],
    ['its message, cut short,', () => new Error(`login failed for "${FAKE_DISCORD_TOKEN.slice(0, 40)}"`)],
  ])('are replaced by a fresh error, without the token anywhere, when %s holds it', (_where, make) => {
    const original = make();
    const clean = scrubbedError(original, [FAKE_DISCORD_TOKEN]) as Error;
    expect(clean).not.toBe(original);
    expect(clean).toBeInstanceOf(Error);
    expect(clean.message).toMatch(/^login failed/);
    expect(inspect(clean, { depth: Infinity, showHidden: true })).not.toContain(FAKE_DISCORD_TOKEN_SECRET);
  });

  it('are left as they are when they do not hold it', () => {
    const original = new TypeError('connection refused');
    expect(scrubbedError(original, [FAKE_DISCORD_TOKEN])).toBe(original);
  });
});

describe('scrubSecrets', () => {
  it('replaces a secret and its JSON-escaped form', () => {
    const odd = 'abc"def\\ghi';
    expect(scrubSecrets(`${odd} ${JSON.stringify(odd)}`, [odd])).toBe('[REDACTED] "[REDACTED]"');
  });

  it('replaces a start of a secret that a message cut short, down to 12 characters', () => {
    // The settings quote a rejected value's first 40 characters: a token pasted on the wrong line is cut there.
    expect(scrubSecrets(`Invalid DISCORD_CLIENT_ID: got "${FAKE_DISCORD_TOKEN.slice(0, 40)}".`, [FAKE_DISCORD_TOKEN])).toBe('Invalid DISCORD_CLIENT_ID: got "[REDACTED]".');
    expect(scrubSecrets(`a ${FAKE_DISCORD_TOKEN.slice(0, 12)} b ${FAKE_DISCORD_TOKEN}`, [FAKE_DISCORD_TOKEN])).toBe('a [REDACTED] b [REDACTED]');
    // A start cut short and the whole secret after it, from a letter that repeats the first: neither half is left.
    const repeating = 'ABCDEFGHIJKLMAzzzzzzzz';
    expect(scrubSecrets(`${repeating.slice(0, 13)}${repeating} and ${repeating}${repeating}`, [repeating])).toBe('[REDACTED] and [REDACTED][REDACTED]');
    // Shorter starts are left: they may be ordinary text.
    expect(scrubSecrets(`id ${FAKE_DISCORD_TOKEN.slice(0, 11)}`, [FAKE_DISCORD_TOKEN])).toBe(`id ${FAKE_DISCORD_TOKEN.slice(0, 11)}`);
  });

  it('leaves secrets shorter than 4 characters alone, which would scrub ordinary text', () => {
    expect(scrubSecrets('an error in a', ['a'])).toBe('an error in a');
  });
});
