import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file part of a multipart request. */
export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
}

/** One HTTP call the client made, as tests see it. */
export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10, e.g. /webhooks/1/tok/messages/@original (full path when outside /api/v10). */
  path: string;
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body; for multipart, the parsed payload_json part; undefined when empty. */
  body: unknown;
  files: RecordedFile[];
  /** Arrival time, ms since epoch. */
  at: number;
  /** Status the fake answered with. */
  status: number;
  rawUrl: string;
}

export const API_PREFIX = '/api/v10';

/** Reads and parses a request; `status` is filled in once the fake has answered. */
export async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const at = Date.now();
  const rawUrl = req.url ?? '/';
  const url = new URL(rawUrl, 'http://fake.invalid');
  const fullPath = decodePath(url.pathname);
  const path = fullPath.startsWith(`${API_PREFIX}/`) ? fullPath.slice(API_PREFIX.length) : fullPath;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const raw = await readAll(req);
  const { body, files } = await parseBody(raw, headers['content-type'] ?? '');
  return { method: req.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), headers, body, files, at, status: 0, rawUrl };
}

/** Writes a JSON response (Discord always answers JSON with application/json). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}

function decodePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/json')) {
    try {
      return { body: JSON.parse(text) as unknown, files: [] };
    } catch {
      return { body: text, files: [] };
    }
  }
  return { body: text, files: [] };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  let body: unknown;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value) as unknown;
    } else {
      files.push({ field, name: value.name, contentType: value.type, size: value.size });
    }
  }
  return { body, files };
}
