import MiniSearch, { type Options } from 'minisearch';

/**
 * The one place that knows MiniSearch's private layout (version 7), used to
 * score candidates straight from its posting lists and to load an index from
 * the binary cache without parsing JSON. Everything here is checked against
 * MiniSearch's public behaviour in tests (same scores as `search()`, same
 * `toJSON()` after a round trip); when the layout is not the known one,
 * callers fall back to the public API.
 */
export interface MiniSearchInternals {
  _index: {
    get(term: string): FieldPostings | undefined;
    set(term: string, postings: FieldPostings): unknown;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _fieldIds: Record<string, number>;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

/** Per field id, the passages (short ids) holding a term and how often. */
export type FieldPostings = Map<number, Map<number, number>>;

/** What `toJSON()` says of an index besides its terms. */
export interface MiniSearchShape {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
}

/** The private state of a MiniSearch instance, or undefined when its layout is not the known one. */
export function internalsOf<T>(miniSearch: MiniSearch<T>): MiniSearchInternals | undefined {
  const internals = miniSearch as unknown as Partial<MiniSearchInternals>;
  const known =
    typeof internals._index?.get === 'function' &&
    typeof internals._index.set === 'function' &&
    typeof internals._index.fuzzyGet === 'function' &&
    typeof internals._fieldIds === 'object' &&
    internals._documentIds instanceof Map &&
    internals._idToShortId instanceof Map &&
    internals._fieldLength instanceof Map &&
    internals._storedFields instanceof Map &&
    Array.isArray(internals._avgFieldLength) &&
    Number.isInteger(internals._documentCount) &&
    Number.isInteger(internals._nextId) &&
    Number.isInteger(internals._dirtCount);
  return known ? (internals as MiniSearchInternals) : undefined;
}

/**
 * A MiniSearch instance holding the given documents and postings, as
 * `MiniSearch.loadJS` would make it from `toJSON()` output but from arrays.
 * Undefined when this MiniSearch's layout is not the known one.
 */
export function restoreMiniSearch<T>(
  options: Options<T>,
  shape: MiniSearchShape,
  documents: { ids: Int32Array; fieldLengths: Int32Array },
  eachTerm: (visit: (term: string, postings: FieldPostings) => void) => void,
): MiniSearch<T> | undefined {
  const miniSearch = new MiniSearch<T>(options);
  const internals = internalsOf(miniSearch);
  if (internals === undefined) return undefined;
  const fieldCount = Object.keys(shape.fieldIds).length;
  internals._documentCount = shape.documentCount;
  internals._nextId = shape.nextId;
  internals._fieldIds = shape.fieldIds;
  internals._avgFieldLength = shape.averageFieldLength;
  internals._dirtCount = shape.dirtCount;
  for (let shortId = 0; shortId < documents.ids.length; shortId++) {
    const id = documents.ids[shortId]!;
    if (id < 0) continue;
    internals._documentIds.set(shortId, id);
    internals._idToShortId.set(id, shortId);
    internals._fieldLength.set(shortId, Array.from(documents.fieldLengths.subarray(shortId * fieldCount, (shortId + 1) * fieldCount)));
  }
  eachTerm((term, postings) => internals._index.set(term, postings));
  return miniSearch;
}
