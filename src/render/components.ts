import { encodeButtonAction, type ButtonAction } from './custom-ids.ts';
import { DiscordLimit } from './limits.ts';
import { truncateText } from './truncate.ts';
import { ButtonStyle, type ActionRow, type Button, type ButtonStyleValue } from './types.ts';

/** A button for an action; undefined when its custom_id would be too long. */
export function actionButton(label: string, action: ButtonAction, style: ButtonStyleValue = ButtonStyle.Secondary): Button | undefined {
  const customId = encodeButtonAction(action);
  if (customId === undefined) return undefined;
  return { type: 2, style, label: truncateText(label, DiscordLimit.buttonLabel), custom_id: customId };
}

/**
 * Lays buttons out in rows of at most five, at most five rows, dropping missing buttons and
 * duplicate custom_ids (Discord rejects a message whose buttons share one).
 */
export function buttonRows(...groups: (Button | undefined)[][]): ActionRow[] {
  const seen = new Set<string>();
  const rows: ActionRow[] = [];
  for (const group of groups) {
    const buttons = group.filter((button): button is Button => {
      if (!button) return false;
      const key = button.custom_id ?? button.url ?? '';
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    for (let i = 0; i < buttons.length; i += DiscordLimit.buttonsPerRow) {
      rows.push({ type: 1, components: buttons.slice(i, i + DiscordLimit.buttonsPerRow) });
    }
  }
  return rows.slice(0, DiscordLimit.actionRows);
}
