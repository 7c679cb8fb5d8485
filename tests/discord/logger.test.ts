import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { scrubbedError, scrubSecrets } from '../../src/logger.ts';
import { captureLog } from './harness.ts';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret_token-value';

describe('the logger never writes the token', () => {
  it('redacts token fields and scrubs the token wherever it was interpolated', () => {
    const log = captureLog([TOKEN]);
    log.logger.info({ token: TOKEN, config: { token: TOKEN }, headers: { authorization: `Bot ${TOKEN}` } }, 'starting');
    log.logger.error({ err: new Error(`login failed for ${TOKEN}`) }, `bad token ${TOKEN}`);
    expect(log.lines).toHaveLength(2);
    for (const line of log.lines) expect(line).not.toContain('secret_token');
    expect(log.entries()[0]).toMatchObject({ token: '[REDACTED]', config: { token: '[REDACTED]' }, headers: { authorization: '[REDACTED]' } });
  });
});

describe('errors that may hold the token', () => {
  it.each([
    ['its message', () => new Error(`login failed for ${TOKEN}`)],
    ['a property', () => Object.assign(new Error('login failed'), { requestBody: { token: TOKEN } })],
    ['its cause', () => new Error('login failed', { cause: new Error(`Bot ${TOKEN} rejected`) })],
  ])('are replaced by a fresh error, without the token anywhere, when %s holds it', (_where, make) => {
    const original = make();
    const clean = scrubbedError(original, [TOKEN]) as Error;
    expect(clean).not.toBe(original);
    expect(clean).toBeInstanceOf(Error);
    expect(clean.message).toMatch(/^login failed/);
    expect(inspect(clean, { depth: Infinity, showHidden: true })).not.toContain(TOKEN);
  });

  it('are left as they are when they do not hold it', () => {
    const original = new TypeError('connection refused');
    expect(scrubbedError(original, [TOKEN])).toBe(original);
  });
});

describe('scrubSecrets', () => {
  it('replaces a secret and its JSON-escaped form', () => {
    const odd = 'abc"def\\ghi';
    expect(scrubSecrets(`${odd} ${JSON.stringify(odd)}`, [odd])).toBe('[REDACTED] "[REDACTED]"');
  });

  it('leaves secrets shorter than 4 characters alone, which would scrub ordinary text', () => {
    expect(scrubSecrets('an error in a', ['a'])).toBe('an error in a');
  });
});
