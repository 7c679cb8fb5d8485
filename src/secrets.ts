import { inspect } from 'node:util';

// Keeping the bot token out of what is printed or logged. Apart from the logger (pino), so that an
// entry point can scrub what it prints without loading the logging library.

/** Secrets long enough to look for: a shorter string would scrub ordinary text. */
export function usableSecrets(secrets: readonly string[]): string[] {
  return secrets.filter((secret) => secret.length >= 4);
}

/**
 * Replaces every occurrence of each secret (also JSON-escaped) with [REDACTED], and every
 * start of one at least 12 characters long: a message that quotes a value cut short
 * (`got "MTIzNDU2…"`) may have cut the token. Secrets shorter than 4 characters are left
 * alone: scrubbing them would mangle ordinary text.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let scrubbed = text;
  for (const secret of usableSecrets(secrets)) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) scrubbed = withoutSecret(scrubbed, form);
  }
  return scrubbed;
}

/** Shortest start of a secret that is scrubbed when the rest does not follow it. */
const MIN_SECRET_START = 12;

/**
 * The text with each occurrence of the secret, or of a start of it at least
 * MIN_SECRET_START long, replaced. Every place the start occurs counts, also
 * inside another match (a start cut short, then the whole secret written on
 * from a letter of it that repeats its first), and overlapping matches are
 * replaced as one.
 */
function withoutSecret(text: string, secret: string): string {
  const head = secret.slice(0, MIN_SECRET_START);
  const spans: [number, number][] = [];
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    let end = at + head.length;
    while (end - at < secret.length && text[end] === secret[end - at]) end++;
    const last = spans[spans.length - 1];
    if (last && at < last[1]) last[1] = Math.max(last[1], end);
    else spans.push([at, end]);
  }
  let scrubbed = '';
  let copied = 0;
  for (const [start, end] of spans) {
    scrubbed += `${text.slice(copied, start)}[REDACTED]`;
    copied = end;
  }
  return scrubbed + text.slice(copied);
}

/**
 * An error safe to throw on or print when it may hold a secret: the error itself when no
 * part of it (message, stack, properties, cause) does, else a fresh error of the same name
 * whose message has the secrets scrubbed and which keeps nothing else of the original.
 */
export function scrubbedError(error: unknown, secrets: readonly string[]): unknown {
  const shown = inspect(error, { depth: Infinity, showHidden: true, maxArrayLength: Infinity, maxStringLength: Infinity });
  if (scrubSecrets(shown, secrets) === shown) return error;
  const clean = new Error(scrubSecrets(error instanceof Error ? error.message : String(error), secrets));
  if (error instanceof Error) clean.name = error.name;
  return clean;
}
