import type { MessagePayload } from './types.ts';

/** A short text message (errors, limits, hints). */
export function renderNotice(text: string): MessagePayload {
  return { content: text };
}

/** The bot's fixed replies, in one place. */
export const Notices = {
  somethingWentWrong: 'Something went wrong while answering. Please try again in a moment.',
  answerExpired: 'This answer has expired (I only remember recent questions). Please ask again with /ask.',
  missingPermissions: 'I do not have permission to post in this channel. Ask a moderator to let me send messages and embed links here.',
  unknownButton: 'This button no longer does anything. Please ask again with /ask.',
  unknownCommand: 'I no longer have that command. Type / to see the ones I have, or ask with /ask.',
  shared: 'Shared in this channel.',
  emptyTargetMessage: 'That message has no text I can look up.',
  rateLimited: (seconds: number) => `You are asking quickly! Please wait ${seconds} second${seconds === 1 ? '' : 's'} before the next question.`,
  unknownPassage: (id: string) => `There is no passage with id "${id}". Start typing in the id option to pick one, or list the documents with /docs.`,
  unknownDocument: (name: string) => `There is no document "${name}". Run /docs without a document to list them.`,
} as const;
