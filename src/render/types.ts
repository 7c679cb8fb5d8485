/**
 * Plain message payloads, shaped like Discord's JSON so the adapter can send them as they are.
 * Rendering returns these; nothing here knows about the discord.js client.
 */

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  author?: { name: string; url?: string };
  fields?: EmbedField[];
  footer?: { text: string };
}

/** Button styles, as Discord numbers them. */
export const ButtonStyle = { Primary: 1, Secondary: 2, Success: 3, Danger: 4, Link: 5 } as const;
export type ButtonStyleValue = (typeof ButtonStyle)[keyof typeof ButtonStyle];

export interface Button {
  type: 2;
  style: ButtonStyleValue;
  label: string;
  /** Set on every button but link buttons (1-100 characters). */
  custom_id?: string;
  /** Link buttons only. */
  url?: string;
  disabled?: boolean;
}

export interface ActionRow {
  type: 1;
  components: Button[];
}

/** A message as the bot wants it sent: content, embeds and buttons. */
export interface MessagePayload {
  content?: string;
  embeds?: Embed[];
  components?: ActionRow[];
}

/** An autocomplete choice. */
export interface Choice {
  name: string;
  value: string;
}
