import type { AsyncEngine } from '../engine-host/index.ts';
import type { Choice } from '../render/types.ts';
import type { DocumentSummary } from '../search/index.ts';

/**
 * Autocomplete choices over passages for /source: with nothing typed, each document's first
 * passage; otherwise passages whose id, section or document title contains what was typed,
 * then passages whose text does. The search runs in the engine (off the event loop when it
 * is a worker), since it may scan every passage.
 */
export async function passageChoices(engine: Pick<AsyncEngine, 'findPassages'>, typed: string, limit = 25): Promise<Choice[]> {
  const matches = await engine.findPassages(typed, limit);
  return matches.map((match) => ({ name: `${match.id} · ${match.section || match.title} · ${match.opening}`, value: match.id }));
}

/** Autocomplete choices over documents for /docs: title or id containing what was typed. */
export function documentChoices(engine: Pick<AsyncEngine, 'documents'>, typed: string, limit = 25): Choice[] {
  const query = typed.trim().toLowerCase();
  return engine
    .documents()
    .filter((document) => query === '' || document.title.toLowerCase().includes(query) || document.id.toLowerCase().includes(query))
    .slice(0, limit)
    .map((document) => ({ name: `${document.title} (${document.passageCount} passages)`, value: document.id }));
}

/** A document by id, or by title ignoring case. */
export function findDocument(engine: Pick<AsyncEngine, 'documents'>, nameOrId: string): DocumentSummary | undefined {
  const wanted = nameOrId.trim().toLowerCase();
  const documents = engine.documents();
  return documents.find((document) => document.id.toLowerCase() === wanted) ?? documents.find((document) => document.title.toLowerCase() === wanted);
}
