/** Whether a user may ask now, and if not, for how long to wait. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface RateLimiter {
  /** Counts a question by this user when allowed. */
  take(userId: string): RateDecision;
}

export interface RateLimiterOptions {
  /** Questions allowed per window. @default 5 */
  max?: number;
  /** Length of the sliding window. @default 30000 */
  windowMs?: number;
  /** The clock. @default Date.now */
  now?: () => number;
}

export const defaultRateLimiterOptions = { max: 5, windowMs: 30_000, now: Date.now } as const;

/** A sliding-window limit per user: at most `max` questions in any `windowMs`. */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const { max, windowMs, now } = { ...defaultRateLimiterOptions, ...options };
  const asked = new Map<string, number[]>();
  return {
    take(userId) {
      const time = now();
      const recent = (asked.get(userId) ?? []).filter((at) => time - at < windowMs);
      if (recent.length >= max) {
        asked.set(userId, recent);
        return { allowed: false, retryAfterMs: windowMs - (time - recent[0]!) };
      }
      recent.push(time);
      asked.set(userId, recent);
      if (asked.size > 10_000) forgetIdle(asked, time, windowMs);
      return { allowed: true };
    },
  };
}

function forgetIdle(asked: Map<string, number[]>, time: number, windowMs: number): void {
  for (const [userId, times] of asked) if (times.every((at) => time - at >= windowMs)) asked.delete(userId);
}
