import type { DocumentSummary, Engine, PassageView } from '../search/index.ts';
import type { PassageMatch } from './types.ts';

/** Longest passage opening in a match. */
const OPENING_CHARS = 60;

/**
 * Passages for what was typed: with nothing typed, each document's first passage; otherwise
 * passages whose id, section or document title contains it (ignoring case), then passages
 * whose text does. Runs next to the index (in the worker when there is one), since it may
 * scan every passage.
 */
export function findPassages(engine: Engine, typed: string, limit = 25): PassageMatch[] {
  const query = typed.trim().toLowerCase();
  const documents = engine.documents();
  if (query === '') {
    return documents
      .filter((document) => document.passageCount > 0)
      .slice(0, limit)
      .map((document) => matchOf(engine.passage(`${document.id}#1`), document));
  }
  const byLabel: PassageMatch[] = [];
  const byText: PassageMatch[] = [];
  for (const document of documents) {
    for (let ordinal = 1; ordinal <= document.passageCount && byLabel.length < limit; ordinal += 1) {
      const id = `${document.id}#${ordinal}`;
      const view = engine.passage(id);
      if (!view) continue;
      const label = `${id} ${document.title} ${view.passage.section}`.toLowerCase();
      if (label.includes(query)) byLabel.push(matchOf(view, document));
      else if (byText.length < limit && view.passage.text.toLowerCase().includes(query)) byText.push(matchOf(view, document));
    }
  }
  return [...byLabel, ...byText].slice(0, limit);
}

function matchOf(view: PassageView | undefined, document: DocumentSummary): PassageMatch {
  return { id: view?.passage.id ?? `${document.id}#1`, title: document.title, section: view?.passage.section ?? '', opening: view?.passage.text.slice(0, OPENING_CHARS) ?? '' };
}
