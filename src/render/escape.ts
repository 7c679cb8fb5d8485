/**
 * Makes corpus or user text safe to show inside Discord markdown: formatting characters
 * are backslash-escaped and mentions (@everyone, @here, <@id>, <#id>, <@&id>, </cmd:id>)
 * are neutralised so they neither render nor ping, whatever allowed_mentions says.
 */
export function escapeDiscordText(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

/** Backslash-escapes everything Discord would read as markdown. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/g, (character) => `\\${character}`)
    .replace(/^([ \t]*)(#|-|\+|\d+\.)(?=\s|#|$)/gm, (_, indent: string, marker: string) => `${indent}\\${marker}`);
}

/** Breaks @everyone and @here with a zero-width space; angle-bracket mentions are broken by escapeMarkdown. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`).replace(/<(?=[@#/:]|a:|t:)/g, `<${ZERO_WIDTH_SPACE}`);
}

/** For text Discord shows without markdown (footers, button labels, choice names): only strips line breaks. */
export function plainLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export const ZERO_WIDTH_SPACE = '\u200B';
