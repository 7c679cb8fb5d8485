import { DiscordLimit } from './limits.ts';

/**
 * What a button asks for, decoded from its custom_id. A custom_id carries everything needed to
 * recompute the message (question key, offset, page size, passage id) and is at most 100 chars.
 */
export type ButtonAction =
  | { kind: 'ask-more'; questionKey: string; offset: number; limit: number }
  | { kind: 'ask-share'; questionKey: string; offset: number; limit: number }
  /** Shows a passage in a new ephemeral message. */
  | { kind: 'passage-open'; passageId: string }
  /** Replaces the passage shown in an ephemeral message (previous/next). */
  | { kind: 'passage-nav'; passageId: string }
  | { kind: 'passage-share'; passageId: string };

/** The custom_id of an action, or undefined when it would exceed Discord's 100 characters. */
export function encodeButtonAction(action: ButtonAction): string | undefined {
  const id = (() => {
    switch (action.kind) {
      case 'ask-more':
        return `ask:more:${action.questionKey}:${action.offset}:${action.limit}`;
      case 'ask-share':
        return `ask:share:${action.questionKey}:${action.offset}:${action.limit}`;
      case 'passage-open':
        return `passage:open:${action.passageId}`;
      case 'passage-nav':
        return `passage:nav:${action.passageId}`;
      case 'passage-share':
        return `passage:share:${action.passageId}`;
    }
  })();
  return id.length <= DiscordLimit.customId ? id : undefined;
}

/** Decodes a custom_id made by encodeButtonAction; undefined for anything else. */
export function decodeButtonAction(customId: string): ButtonAction | undefined {
  const ask = /^ask:(more|share):([A-Za-z0-9_-]{1,32}):(\d{1,4}):(\d{1,2})$/.exec(customId);
  if (ask) {
    const [, verb, questionKey = '', offset = '0', limit = '3'] = ask;
    return { kind: verb === 'more' ? 'ask-more' : 'ask-share', questionKey, offset: Number(offset), limit: Number(limit) };
  }
  const passage = /^passage:(open|nav|share):(.+)$/s.exec(customId);
  if (passage) {
    const [, verb, passageId = ''] = passage;
    return { kind: verb === 'open' ? 'passage-open' : verb === 'nav' ? 'passage-nav' : 'passage-share', passageId };
  }
  return undefined;
}
