/** A test-facing wait that did not see a matching entry in time. */
export class FakeDiscordTimeoutError extends Error {
  override readonly name = 'FakeDiscordTimeoutError';
  readonly code = 'FAKE_DISCORD_TIMEOUT';
}

interface Waiter<T> {
  matches: (entry: T) => boolean;
  resolve: (entry: T) => void;
}

/**
 * An append-only log that tests can read and wait on: what the client sent over REST
 * or over the gateway. `summarize` names an entry in timeout messages.
 */
export class Journal<T> {
  readonly entries: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  readonly #what: string;
  readonly #summarize: (entry: T) => string;

  constructor(what: string, summarize: (entry: T) => string) {
    this.#what = what;
    this.#summarize = summarize;
  }

  add(entry: T): void {
    this.entries.push(entry);
    for (const waiter of this.#waiters) {
      if (waiter.matches(entry)) {
        this.#waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  /** The first entry (already logged or still to come) that matches, or a FakeDiscordTimeoutError. */
  waitFor(matches: (entry: T) => boolean, timeoutMs: number): Promise<T> {
    const logged = this.entries.find(matches);
    if (logged) return Promise.resolve(logged);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        const seen = this.entries.map((entry) => `  ${this.#summarize(entry)}`).join('\n') || '  (none)';
        reject(new FakeDiscordTimeoutError(`No matching ${this.#what} within ${timeoutMs} ms. Seen:\n${seen}`));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        matches,
        resolve: (entry) => {
          clearTimeout(timer);
          resolve(entry);
        },
      };
      this.#waiters.add(waiter);
    });
  }

  clear(): void {
    this.entries.length = 0;
  }
}
