import type { DocumentSummary } from '../search/index.ts';
import { ANSWER_COLOR, isWebUrl } from './answer.ts';
import { escapeDiscordText, plainLine } from './escape.ts';
import { DiscordLimit } from './limits.ts';
import { truncateText } from './truncate.ts';
import type { EmbedField, MessagePayload } from './types.ts';

/** The corpus at a glance: one field per document with its source, passage count and id. */
export function renderDocumentListForDiscord(documents: readonly DocumentSummary[]): MessagePayload {
  if (documents.length === 0) return { content: 'The corpus has no documents.' };
  const passages = documents.reduce((sum, document) => sum + document.passageCount, 0);
  const shown = documents.length > DiscordLimit.embedFields ? documents.slice(0, DiscordLimit.embedFields - 1) : documents;
  const fields: EmbedField[] = shown.map((document) => ({
    name: truncateText(escapeDiscordText(plainLine(document.title)) || document.id, DiscordLimit.embedFieldName),
    value: truncateText(documentLine(document), DiscordLimit.embedFieldValue),
  }));
  if (shown.length < documents.length) {
    fields.push({ name: `…and ${documents.length - shown.length} more`, value: 'Type in the `document` option of /docs to find them.' });
  }
  return {
    embeds: [
      {
        title: 'Documents in the corpus',
        description: `${documents.length} document${documents.length === 1 ? '' : 's'}, ${passages} passages. Use \`/docs document:\` for an outline and \`/source\` to read a passage.`,
        color: ANSWER_COLOR,
        fields,
      },
    ],
  };
}

/** One document's outline: its sections in order. */
export function renderDocumentOutlineForDiscord(document: DocumentSummary): MessagePayload {
  const title = truncateText(escapeDiscordText(plainLine(document.title)) || document.id, DiscordLimit.embedTitle);
  const sections = document.sections.map((heading, index) => `${index + 1}\\. ${escapeDiscordText(plainLine(heading))}`);
  const description =
    sections.length > 0
      ? sections.join('\n')
      : `This document has no section headings. Read it from the start with /source id:${escapeDiscordText(document.id)}#1.`;
  return {
    embeds: [
      {
        title,
        ...(isWebUrl(document.url) ? { url: document.url } : {}),
        description: truncateText(description, DiscordLimit.embedDescription),
        color: ANSWER_COLOR,
        footer: { text: truncateText(documentFooter(document), DiscordLimit.embedFooter) },
      },
    ],
  };
}

function documentLine(document: DocumentSummary): string {
  const parts = [
    document.source ? escapeDiscordText(plainLine(document.source)) : '',
    `${document.passageCount} passage${document.passageCount === 1 ? '' : 's'}`,
    `${document.sections.length} section${document.sections.length === 1 ? '' : 's'}`,
    /^[\w.-]+$/.test(document.id) ? `id \`${document.id}\`` : `id ${escapeDiscordText(document.id)}`,
  ];
  return parts.filter((part) => part !== '').join(' · ');
}

function documentFooter(document: DocumentSummary): string {
  return [document.source ? plainLine(document.source) : '', `${document.passageCount} passages`, `id ${document.id}`].filter((part) => part !== '').join(' · ');
}
