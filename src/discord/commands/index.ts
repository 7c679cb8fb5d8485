import type { Command } from '../context.ts';
import { ask } from './ask.ts';
import { docs } from './docs.ts';
import { findSources } from './find-sources.ts';
import { source } from './source.ts';

/** Every command the bot has, in registration order. */
export const commands: readonly Command[] = [ask, source, docs, findSources];

export { ask, docs, findSources, source };
