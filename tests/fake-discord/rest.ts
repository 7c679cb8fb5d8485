import type { IncomingMessage, ServerResponse } from 'node:http';
import { FailurePlan } from './failures.ts';
import { readRequest, sendJson, sendNoContent, type RecordedFile, type RecordedRequest } from './http-io.ts';
import { Journal } from './journal.ts';
import { asArray, asRecord } from './json.ts';
import { applicationRoutes } from './rest-application.ts';
import { channelRoutes } from './rest-channels.ts';
import { interactionRoutes } from './rest-interactions.ts';
import { apiError, Errors, findRoute, fromFailure, type RestReply, type RestRoute } from './rest-routing.ts';
import type { FakeState } from './state.ts';

/** Every REST endpoint the fake serves under /api/v10. */
export const restRoutes: readonly RestRoute[] = [...applicationRoutes, ...interactionRoutes, ...channelRoutes];

/**
 * The fake's REST API: answers each request (or the failure a test planned for it)
 * and records it in `requests` once answered.
 */
export class RestApi {
  readonly requests = new Journal<RecordedRequest>('REST request', (request) => `${request.method} ${request.path} -> ${request.status}`);
  readonly failures = new FailurePlan();
  readonly #state: FakeState;

  constructor(state: FakeState) {
    this.#state = state;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    const reply = this.#reply(request);
    request.status = reply.status;
    this.requests.add(request);
    if (reply.status === 204) sendNoContent(res);
    else sendJson(res, reply.status, reply.body ?? {}, reply.headers);
  }

  #reply(request: RecordedRequest): RestReply {
    const planned = this.failures.take(request.method, request.path);
    if (planned) return fromFailure(planned);
    if (!request.rawUrl.startsWith('/api/v10/')) return Errors.notFound();
    const found = findRoute(restRoutes, request.method, request.path);
    if (!found) {
      const otherMethod = restRoutes.some((candidate) => candidate.pattern.test(request.path));
      return otherMethod ? apiError(405, 0, '405: Method Not Allowed') : Errors.notFound();
    }
    if (found.route.auth && request.headers['authorization'] !== `Bot ${this.#state.options.token}`) return Errors.unauthorized();
    try {
      return found.route.handle({ state: this.#state, request, params: found.params, body: withFileNames(asRecord(request.body), request.files) });
    } catch (error) {
      return apiError(500, 0, `fake-discord handler failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Gives `attachments: [{ id }]` entries the file name of their multipart part (files[id]), as Discord does. */
function withFileNames(body: Record<string, unknown>, files: RecordedFile[]): Record<string, unknown> {
  if (files.length === 0 || !Array.isArray(body['attachments'])) return body;
  const attachments = asArray(body['attachments']).map((entry) => {
    const attachment = asRecord(entry);
    const file = files.find((candidate) => candidate.field === `files[${String(attachment['id'])}]`);
    return file && attachment['filename'] === undefined ? { ...attachment, filename: file.name, size: file.size, content_type: file.contentType } : attachment;
  });
  return { ...body, attachments };
}
