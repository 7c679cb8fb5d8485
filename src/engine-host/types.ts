import type { OpenedEngine } from '../index-cache/open.ts';
import type { Answer, AskOptions, DocumentSummary, EngineOptions, PassageView } from '../search/index.ts';

/**
 * The engine as the Discord bot uses it: every question is a promise, so answering can
 * happen off the main thread (a worker) while the bot's event loop keeps serving other
 * users. Results are the engine's own plain values (they survive structured clone).
 */
export interface AsyncEngine {
  /** Where questions are answered. */
  readonly kind: 'in-process' | 'worker';
  /** How many passages the index holds (taken when the engine opened). */
  readonly passageCount: number;
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** A passage in full with its neighbours, by id (`doc#12`); undefined when unknown. */
  passage(id: string): Promise<PassageView | undefined>;
  /** The documents, taken once when the engine opened (they do not change while it runs). */
  documents(): readonly DocumentSummary[];
  /** Completions of a partly typed question. */
  suggest(prefix: string, limit?: number): Promise<string[]>;
  /** Passages whose id, section, title or text contain what was typed (for /source autocomplete). */
  findPassages(typed: string, limit?: number): Promise<PassageMatch[]>;
  /** Stops answering: pending requests are rejected, a worker is terminated. Idempotent. */
  close(): Promise<void>;
}

/** A passage found by what was typed: enough to label an autocomplete choice. */
export interface PassageMatch {
  id: string;
  /** The passage's document title. */
  title: string;
  /** The passage's section heading; empty before the first heading. */
  section: string;
  /** The first characters of the passage text (at most 60). */
  opening: string;
}

/** Where the engine comes from; plain data, so it can be handed to a worker. */
export type EngineSource =
  | {
      kind: 'corpus';
      /** The corpus folder, indexed or loaded from the index cache as openEngine does. */
      corpusDir: string;
      /** @default openEngine's default cache path; false to always build */
      cachePath?: string | false;
      /** Engine settings (without callbacks, which cannot cross to a worker). */
      engine?: Omit<EngineOptions, 'onProgress'>;
      /**
       * The corpus's fingerprint as the caller has just computed it (the sharding parent's):
       * a cache holding it is loaded without fingerprinting the corpus again (openEngine's `fingerprint`).
       * @default undefined: the corpus is fingerprinted
       */
      fingerprint?: string;
    }
  | {
      kind: 'cache-file';
      /** A prebuilt index cache file (saveIndexCache), e.g. the speed benchmark's. */
      path: string;
      /** The fingerprint it was saved with. */
      fingerprint: string;
      engine?: Omit<EngineOptions, 'onProgress'>;
    };

export type { OpenEvents } from '../index-cache/open.ts';

/** An async engine once open, with how it was opened. */
export type OpenedAsyncEngine = Omit<OpenedEngine, 'engine' | 'warnings'> & { engine: AsyncEngine };
