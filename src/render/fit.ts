import { plainLine, ZERO_WIDTH_SPACE } from './escape.ts';
import { DiscordLimit } from './limits.ts';
import { safePrefix, truncateText as cut, wellFormed } from './truncate.ts';

/** Cuts text to a limit after making it well-formed UTF-16. */
const truncateText = (text: string, max: number): string => cut(wellFormed(text), max);
import type { ActionRow, Choice, Embed, EmbedField, MessagePayload } from './types.ts';

/**
 * Brings a payload within every Discord message limit: content, embed count and parts,
 * 6000 characters across embeds, fields, rows and buttons. Text is cut with truncateText
 * (no split surrogate pair, no dangling escape or bold); buttons whose custom_id is invalid
 * are dropped. Pure: returns a new payload and never fails.
 */
export function fitMessage(payload: MessagePayload): MessagePayload {
  const fitted: MessagePayload = {};
  if (payload.content !== undefined) fitted.content = truncateText(payload.content, DiscordLimit.content);
  if (payload.embeds !== undefined) fitted.embeds = fitEmbeds(payload.embeds);
  if (payload.components !== undefined) fitted.components = fitRows(payload.components);
  return fitted;
}

/** At most 25 autocomplete choices, names and values 1-100 characters, values distinct. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const fitted: Choice[] = [];
  for (const choice of choices) {
    const name = truncateText(plainLine(choice.name), DiscordLimit.choiceName);
    const value = safePrefix(wellFormed(choice.value), DiscordLimit.choiceValue);
    if (name === '' || value.trim() === '' || seen.has(value)) continue;
    seen.add(value);
    fitted.push({ name, value });
    if (fitted.length === DiscordLimit.autocompleteChoices) break;
  }
  return fitted;
}

/** Characters Discord counts towards the 6000 limit of an embed. */
export function embedLength(embed: Embed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length + (embed.author?.name ?? '').length + fields;
}

function fitEmbeds(embeds: readonly Embed[]): Embed[] {
  const fitted = embeds.slice(0, DiscordLimit.embedsPerMessage).map(fitEmbed);
  for (let guard = 0; guard < 200; guard += 1) {
    const excess = fitted.reduce((sum, embed) => sum + embedLength(embed), 0) - DiscordLimit.embedTotal;
    if (excess <= 0) return fitted.filter((embed) => embedLength(embed) > 0 || embed.url !== undefined);
    shrinkLongestText(fitted, excess);
  }
  return [];
}

function fitEmbed(embed: Embed): Embed {
  const fitted: Embed = { ...embed };
  if (embed.title !== undefined) fitted.title = truncateText(embed.title, DiscordLimit.embedTitle);
  if (embed.description !== undefined) fitted.description = truncateText(embed.description, DiscordLimit.embedDescription);
  if (embed.author !== undefined) fitted.author = { ...embed.author, name: truncateText(embed.author.name, DiscordLimit.embedAuthor) };
  if (embed.footer !== undefined) fitted.footer = { text: truncateText(embed.footer.text, DiscordLimit.embedFooter) };
  if (embed.fields !== undefined) {
    fitted.fields = embed.fields.slice(0, DiscordLimit.embedFields).map((field) => ({
      ...field,
      name: truncateText(field.name, DiscordLimit.embedFieldName) || ZERO_WIDTH_SPACE,
      value: truncateText(field.value, DiscordLimit.embedFieldValue) || ZERO_WIDTH_SPACE,
    }));
  }
  if (fitted.description === '') delete fitted.description;
  return fitted;
}

/** Cuts the longest description or field value by `excess`, or drops the last field or embed. */
function shrinkLongestText(embeds: Embed[], excess: number): void {
  type Slot = { length: number; cut: (max: number) => void };
  const slots: Slot[] = [];
  embeds.forEach((embed) => {
    if (embed.description !== undefined) {
      const description = embed.description;
      slots.push({ length: description.length, cut: (max) => (embed.description = truncateText(description, max)) });
    }
    (embed.fields ?? []).forEach((field: EmbedField) => {
      const value = field.value;
      slots.push({ length: value.length, cut: (max) => (field.value = truncateText(value, max) || ZERO_WIDTH_SPACE) });
    });
  });
  const longest = slots.sort((a, b) => b.length - a.length)[0];
  if (longest && longest.length > 16) {
    longest.cut(Math.max(1, longest.length - Math.max(excess, Math.ceil(longest.length / 8))));
    return;
  }
  const last = embeds[embeds.length - 1];
  if (last?.fields && last.fields.length > 0) last.fields.pop();
  else embeds.pop();
}

function fitRows(rows: readonly ActionRow[]): ActionRow[] {
  return rows
    .map((row) => ({
      ...row,
      components: row.components
        .filter((button) => (button.custom_id === undefined ? button.url !== undefined : button.custom_id.length >= 1 && button.custom_id.length <= DiscordLimit.customId))
        .slice(0, DiscordLimit.buttonsPerRow)
        .map((button) => ({ ...button, label: truncateText(button.label, DiscordLimit.buttonLabel) || '…' })),
    }))
    .filter((row) => row.components.length > 0)
    .slice(0, DiscordLimit.actionRows);
}
