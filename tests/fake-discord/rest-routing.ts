import type { FailureResponse } from './failures.ts';
import type { RecordedRequest } from './http-io.ts';
import type { FakeState } from './state.ts';

/** What a route answers: a status, a JSON body (none means 204) and extra headers. */
export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a route handler gets: the shared state, the request and the path parameters. */
export interface RestCall {
  state: FakeState;
  request: RecordedRequest;
  params: Record<string, string>;
  /** The request body as an object ({} when absent or not an object). */
  body: Record<string, unknown>;
}

/** One REST endpoint of the fake. */
export interface RestRoute {
  method: string;
  pattern: RegExp;
  /** Whether the route needs `Authorization: Bot <token>` (interaction callbacks and webhooks do not). */
  auth: boolean;
  handle(call: RestCall): RestReply;
}

/** A route from a template like /channels/:channelId/messages (parameters match one path segment). */
export function route(method: string, template: string, handle: (call: RestCall) => RestReply, options: { auth?: boolean } = {}): RestRoute {
  const source = template
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\@]/g, '\\$&')))
    .join('/');
  return { method, pattern: new RegExp(`^${source}/?$`), auth: options.auth ?? true, handle };
}

/** The route for a method and path, with its parameters. */
export function findRoute(routes: readonly RestRoute[], method: string, path: string): { route: RestRoute; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (match) return { route: candidate, params: { ...match.groups } };
  }
  return undefined;
}

export function ok(body: unknown): RestReply {
  return { status: 200, body };
}

export const noContent: RestReply = { status: 204 };

/** A JSON error in Discord's shape: { message, code }. */
export function apiError(status: number, code: number, message: string): RestReply {
  return { status, body: { message, code } };
}

export function fromFailure(failure: FailureResponse): RestReply {
  return { status: failure.status, body: failure.body, headers: failure.headers ?? {} };
}

export const Errors = {
  unauthorized: () => apiError(401, 0, '401: Unauthorized'),
  notFound: () => apiError(404, 0, '404: Not Found'),
  unknownChannel: () => apiError(404, 10003, 'Unknown Channel'),
  unknownMessage: () => apiError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => apiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => apiError(404, 10062, 'Unknown interaction'),
  emptyMessage: () => apiError(400, 50006, 'Cannot send an empty message'),
  invalidWebhookToken: () => apiError(401, 50027, 'Invalid Webhook Token'),
  alreadyAcknowledged: () => apiError(400, 40060, 'Interaction has already been acknowledged.'),
} as const;
