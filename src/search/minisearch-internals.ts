import MiniSearch, { type Options } from 'minisearch';
import type { FuzzyLookup, PostingTable } from './postings.ts';

/**
 * The one place that knows MiniSearch's private layout (version 7): its
 * fuzzy term lookup, and restoring an index from the binary cache without
 * JSON. Both are checked against MiniSearch's public behaviour in tests (same
 * scores as `search()` with typos, same `toJSON()` after a round trip); when
 * the layout is not the known one, callers use the public API or rebuild.
 */
export interface MiniSearchInternals {
  _index: {
    get(term: string): FieldPostings | undefined;
    set(term: string, postings: FieldPostings): unknown;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
    [Symbol.iterator](): Iterator<[string, FieldPostings]>;
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

/** The private state of a MiniSearch instance, or undefined when its layout is not the known one. */
export function internalsOf<T>(miniSearch: MiniSearch<T>): MiniSearchInternals | undefined {
  const internals = miniSearch as unknown as Partial<MiniSearchInternals>;
  const known =
    typeof internals._index?.get === 'function' &&
    typeof internals._index.set === 'function' &&
    typeof internals._index.fuzzyGet === 'function' &&
    typeof internals._index[Symbol.iterator] === 'function' &&
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

/** Whether the installed MiniSearch has the known layout (checked once, on an empty index). */
export function knowsMiniSearchLayout(): boolean {
  layoutKnown ??= internalsOf(new MiniSearch({ fields: ['text'] })) !== undefined;
  return layoutKnown;
}

let layoutKnown: boolean | undefined;

/** MiniSearch's own lookup of the index terms within an edit distance of a term. */
export function fuzzyLookupOf<T>(miniSearch: MiniSearch<T>): FuzzyLookup | undefined {
  const internals = internalsOf(miniSearch);
  if (internals === undefined) return undefined;
  return function* (term, maxDistance) {
    for (const [other, [, distance]] of internals._index.fuzzyGet(term, maxDistance)) yield [other, distance];
  };
}

/**
 * A MiniSearch instance over a posting table, as `MiniSearch.loadJS` would
 * make it from `toJSON()` output, but without the JSON and with each term's
 * postings made into Maps only when first used. Undefined when this
 * MiniSearch's layout is not the known one.
 */
export function restoreMiniSearch<T>(options: Options<T>, table: PostingTable, terms: readonly string[]): MiniSearch<T> | undefined {
  const miniSearch = new MiniSearch<T>(options);
  const internals = internalsOf(miniSearch);
  if (internals === undefined) return undefined;
  const fieldCount = Object.keys(table.fieldIds).length;
  internals._documentCount = table.documentCount;
  internals._nextId = table.documentCount;
  internals._fieldIds = table.fieldIds;
  internals._avgFieldLength = table.averageFieldLength;
  internals._dirtCount = 0;
  for (let position = 0; position < table.documentCount; position++) {
    internals._documentIds.set(position, position);
    internals._idToShortId.set(position, position);
    internals._fieldLength.set(position, Array.from(table.fieldLengths.subarray(position * fieldCount, (position + 1) * fieldCount)));
  }
  terms.forEach((term, id) => {
    if (table.runs[id * fieldCount] !== table.runs[(id + 1) * fieldCount]) internals._index.set(term, new StoredPostings(table, id * fieldCount, fieldCount));
  });
  return miniSearch;
}

/**
 * A term's postings as MiniSearch keeps them (a Map from field id to a Map
 * from passage to frequency), read from the posting table the first time they
 * are used. Building millions of Map entries for every term at startup took
 * most of a warm start; a question needs a dozen terms.
 */
class StoredPostings extends Map<number, Map<number, number>> {
  #source: { table: PostingTable; first: number; fieldCount: number } | undefined;

  constructor(table: PostingTable, first: number, fieldCount: number) {
    super();
    this.#source = { table, first, fieldCount };
  }

  #read(): void {
    const source = this.#source;
    if (source === undefined) return;
    this.#source = undefined;
    const { table, first, fieldCount } = source;
    for (let field = 0; field < fieldCount; field++) {
      const [from, to] = [table.runs[first + field]!, table.runs[first + field + 1]!];
      if (from === to) continue;
      const frequencies = new Map<number, number>();
      for (let p = from; p < to; p += 2) frequencies.set(table.postings[p]!, table.postings[p + 1]!);
      super.set(field, frequencies);
    }
  }

  override get size(): number {
    this.#read();
    return super.size;
  }
  override get(field: number) {
    this.#read();
    return super.get(field);
  }
  override has(field: number): boolean {
    this.#read();
    return super.has(field);
  }
  override set(field: number, frequencies: Map<number, number>): this {
    this.#read();
    return super.set(field, frequencies);
  }
  override delete(field: number): boolean {
    this.#read();
    return super.delete(field);
  }
  override clear(): void {
    this.#source = undefined;
    super.clear();
  }
  override forEach(visit: (value: Map<number, number>, key: number, map: Map<number, Map<number, number>>) => void, thisArg?: unknown): void {
    this.#read();
    super.forEach(visit, thisArg);
  }
  override entries() {
    this.#read();
    return super.entries();
  }
  override keys() {
    this.#read();
    return super.keys();
  }
  override values() {
    this.#read();
    return super.values();
  }
  override [Symbol.iterator]() {
    return this.entries();
  }
}
