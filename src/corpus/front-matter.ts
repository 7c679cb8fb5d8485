import type { DocumentMeta } from './document.ts';

/**
 * Splits a leading `---` block of `key: value` lines (YAML front matter, the
 * simple subset) from a document. Recognised keys: title, source, url.
 */
export function readFrontMatter(raw: string): { meta: DocumentMeta; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(raw);
  if (!match) return { meta: {}, body: raw };
  const meta: DocumentMeta = {};
  for (const line of match[1]!.split(/\r?\n/)) {
    const pair = /^\s*(title|source|url)\s*:\s*(.*?)\s*$/i.exec(line);
    if (!pair) continue;
    const value = pair[2]!.replace(/^(["'])(.*)\1$/, '$2');
    if (value) meta[pair[1]!.toLowerCase() as keyof DocumentMeta] = value;
  }
  return { meta, body: raw.slice(match[0].length) };
}

/** Reads a sidecar `name.meta.json`; anything but an object of strings is rejected with a reason. */
export function parseSidecar(json: string): DocumentMeta | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const meta: DocumentMeta = {};
  for (const key of ['title', 'source', 'url'] as const) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return `"${key}" must be a string`;
    if (field.trim()) meta[key] = field.trim();
  }
  return meta;
}
