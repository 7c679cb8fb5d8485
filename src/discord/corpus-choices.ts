import type { Choice } from '../render/types.ts';
import type { DocumentSummary, Engine } from '../search/index.ts';

/**
 * Autocomplete choices over documents and passages for /source: with nothing typed, each
 * document's first passage; otherwise passages whose id, section or document title contains
 * what was typed, then passages whose text does.
 */
export function passageChoices(engine: Engine, typed: string, limit = 25): Choice[] {
  const query = typed.trim().toLowerCase();
  const documents = engine.documents();
  if (query === '') {
    return documents.filter((document) => document.passageCount > 0).slice(0, limit).map((document) => passageChoice(engine, `${document.id}#1`, document));
  }
  const byLabel: Choice[] = [];
  const byText: Choice[] = [];
  for (const document of documents) {
    for (let ordinal = 1; ordinal <= document.passageCount && byLabel.length < limit; ordinal += 1) {
      const id = `${document.id}#${ordinal}`;
      const view = engine.passage(id);
      if (!view) continue;
      const label = `${id} ${document.title} ${view.passage.section}`.toLowerCase();
      if (label.includes(query)) byLabel.push(passageChoice(engine, id, document));
      else if (byText.length < limit && view.passage.text.toLowerCase().includes(query)) byText.push(passageChoice(engine, id, document));
    }
  }
  return [...byLabel, ...byText].slice(0, limit);
}

/** Autocomplete choices over documents for /docs: title or id containing what was typed. */
export function documentChoices(engine: Engine, typed: string, limit = 25): Choice[] {
  const query = typed.trim().toLowerCase();
  return engine
    .documents()
    .filter((document) => query === '' || document.title.toLowerCase().includes(query) || document.id.toLowerCase().includes(query))
    .slice(0, limit)
    .map((document) => ({ name: `${document.title} (${document.passageCount} passages)`, value: document.id }));
}

/** A document by id, or by title ignoring case. */
export function findDocument(engine: Engine, nameOrId: string): DocumentSummary | undefined {
  const wanted = nameOrId.trim().toLowerCase();
  const documents = engine.documents();
  return documents.find((document) => document.id.toLowerCase() === wanted) ?? documents.find((document) => document.title.toLowerCase() === wanted);
}

function passageChoice(engine: Engine, id: string, document: DocumentSummary): Choice {
  const view = engine.passage(id);
  const where = view?.passage.section || document.title;
  const opening = view?.passage.text.slice(0, 60) ?? '';
  return { name: `${id} · ${where} · ${opening}`, value: id };
}
