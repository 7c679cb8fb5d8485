/** A canned error response. */
export interface FailureResponse {
  status: number;
  /** JSON body. @default { message: '<status> error', code: 0 } */
  body?: unknown;
  /** Extra response headers, e.g. `retry-after`. */
  headers?: Record<string, string>;
}

/** Makes the next matching request(s) fail instead of reaching the fake's handlers. */
export interface FailureRule extends FailureResponse {
  /** HTTP method to match, any case. @default any method */
  method?: string;
  /** Matches the decoded path after /api/v10 (e.g. /interactions/1/tok/callback); a string must match exactly. @default any path */
  pathPattern?: RegExp | string;
  /** How many matching requests fail before the rule is used up. @default 1 */
  times?: number;
}

/** Error responses as the real API sends them; spread one into `failNext({ method, pathPattern, ...DiscordErrors.x })`. */
export const DiscordErrors = {
  missingPermissions: { status: 403, body: { message: 'Missing Permissions', code: 50013 } },
  missingAccess: { status: 403, body: { message: 'Missing Access', code: 50001 } },
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  unknownMessage: { status: 404, body: { message: 'Unknown Message', code: 10008 } },
  alreadyAcknowledged: { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } },
  serverError: { status: 500, body: { message: '500: Internal Server Error', code: 0 } },
  badGateway: { status: 502, body: { message: '502: Bad Gateway', code: 0 } },
  /** 429 with Retry-After; fractional seconds keep tests fast (the client waits retryAfterSeconds * 1000 ms). */
  rateLimited(retryAfterSeconds: number, global = false): FailureResponse {
    return {
      status: 429,
      headers: {
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-scope': global ? 'global' : 'user',
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
    };
  },
} as const;

/** The queue of pending failure rules; the oldest matching rule wins. */
export class FailurePlan {
  readonly #rules: { rule: FailureRule; left: number }[] = [];

  add(rule: FailureRule): void {
    this.#rules.push({ rule, left: rule.times ?? 1 });
  }

  /** Uses up one matching rule and returns its response, or undefined when none matches. */
  take(method: string, path: string): FailureResponse | undefined {
    const index = this.#rules.findIndex(({ rule }) => matches(rule, method, path));
    const entry = this.#rules[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.#rules.splice(index, 1);
    const { status, body, headers } = entry.rule;
    return { status, body: body ?? { message: `${status} error`, code: 0 }, headers: headers ?? {} };
  }

  /** Rules not used up yet (a test can assert it is empty). */
  pending(): FailureRule[] {
    return this.#rules.map(({ rule, left }) => ({ ...rule, times: left }));
  }

  clear(): void {
    this.#rules.length = 0;
  }
}

function matches(rule: FailureRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  const pattern = rule.pathPattern;
  if (pattern === undefined) return true;
  if (typeof pattern === 'string') return pattern === path;
  pattern.lastIndex = 0;
  return pattern.test(path);
}
