import { describe, expect, it } from 'vitest';
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
