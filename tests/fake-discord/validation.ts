import type { FailureResponse } from './failures.ts';
import { asRecord as record } from './json.ts';

/** The limits the real API enforces on what the fake checks. */
export const DiscordLimits = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsPerRow: 5,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  stringOptionMaxLength: 6000,
} as const;

/** One reason a body is invalid: a path into the body and Discord's error code and message. */
export interface FormIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Issues with a message create/edit body (content, embeds, components). */
export function messageBodyIssues(body: Record<string, unknown>): FormIssue[] {
  const issues: FormIssue[] = [];
  const content = body['content'];
  if (typeof content === 'string') maxLength(issues, ['content'], content, DiscordLimits.content);
  const embeds = body['embeds'];
  if (Array.isArray(embeds)) {
    if (embeds.length > DiscordLimits.embedsPerMessage) issues.push(tooMany(['embeds'], DiscordLimits.embedsPerMessage));
    embeds.forEach((embed, index) => issues.push(...embedIssues(record(embed), index)));
    const total = embeds.reduce((sum: number, embed) => sum + embedLength(record(embed)), 0);
    if (total > DiscordLimits.embedTotal) {
      issues.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${DiscordLimits.embedTotal}` });
    }
  }
  const components = body['components'];
  if (Array.isArray(components)) issues.push(...componentIssues(components));
  return issues;
}

/** True when a create body would make a message with nothing in it (Discord answers 50006). */
export function isEmptyMessage(body: Record<string, unknown>, fileCount: number): boolean {
  const nonEmpty = (key: string) => {
    const value = body[key];
    return Array.isArray(value) ? value.length > 0 : typeof value === 'string' ? value.length > 0 : value !== undefined && value !== null;
  };
  return fileCount === 0 && !['content', 'embeds', 'components', 'sticker_ids', 'poll', 'attachments'].some(nonEmpty);
}

/** Issues with the choices of an autocomplete callback (type 8). */
export function autocompleteIssues(choices: unknown): FormIssue[] {
  if (!Array.isArray(choices)) return [{ path: ['choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  const issues: FormIssue[] = [];
  if (choices.length > DiscordLimits.autocompleteChoices) issues.push(tooMany(['choices'], DiscordLimits.autocompleteChoices));
  choices.forEach((choice, index) => {
    const { name, value } = record(choice);
    lengthBetween(issues, ['choices', index, 'name'], String(name ?? ''), 1, DiscordLimits.choiceName);
    if (typeof value === 'string') lengthBetween(issues, ['choices', index, 'value'], value, 1, DiscordLimits.choiceValue);
  });
  return issues;
}

/** Issues with a bulk-overwrite list of application commands. */
export function commandIssues(commands: unknown[]): FormIssue[] {
  const issues: FormIssue[] = [];
  commands.forEach((raw, index) => {
    const command = record(raw);
    const type = command['type'] ?? 1;
    const name = String(command['name'] ?? '');
    if (type === 1) {
      if (!/^[-_'\p{L}\p{N}]{1,32}$/u.test(name) || name !== name.toLowerCase()) {
        issues.push({ path: [index, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
      }
      lengthBetween(issues, [index, 'description'], String(command['description'] ?? ''), 1, DiscordLimits.commandDescription);
    } else {
      lengthBetween(issues, [index, 'name'], name, 1, DiscordLimits.commandName);
    }
    const options = Array.isArray(command['options']) ? command['options'] : [];
    if (type !== 1 && options.length > 0) issues.push({ path: [index, 'options'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Context menu commands take no options' });
    if (options.length > DiscordLimits.commandOptions) issues.push(tooMany([index, 'options'], DiscordLimits.commandOptions));
    options.forEach((option, optionIndex) => {
      const maxLengthOption = record(option)['max_length'];
      if (typeof maxLengthOption === 'number' && maxLengthOption > DiscordLimits.stringOptionMaxLength) {
        issues.push({ path: [index, 'options', optionIndex, 'max_length'], code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${DiscordLimits.stringOptionMaxLength}.` });
      }
    });
  });
  const names = commands.map((command) => `${String(record(command)['type'] ?? 1)}:${String(record(command)['name'])}`);
  if (new Set(names).size !== names.length) issues.push({ path: [], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
  return issues;
}

/** The 400 response the API gives for invalid form bodies, issues nested under `prefix` (e.g. ['data'] for callbacks). */
export function invalidFormBody(issues: FormIssue[], prefix: (string | number)[] = []): FailureResponse {
  const errors: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = errors;
    for (const key of [...prefix, ...issue.path]) {
      node = (node[String(key)] ??= {}) as Record<string, unknown>;
    }
    ((node['_errors'] ??= []) as unknown[]).push({ code: issue.code, message: issue.message });
  }
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
}

function embedIssues(embed: Record<string, unknown>, index: number): FormIssue[] {
  const issues: FormIssue[] = [];
  const at = (...path: (string | number)[]) => ['embeds', index, ...path];
  if (typeof embed['title'] === 'string') maxLength(issues, at('title'), embed['title'], DiscordLimits.embedTitle);
  if (typeof embed['description'] === 'string') maxLength(issues, at('description'), embed['description'], DiscordLimits.embedDescription);
  const fields = Array.isArray(embed['fields']) ? embed['fields'] : [];
  if (fields.length > DiscordLimits.embedFields) issues.push(tooMany(at('fields'), DiscordLimits.embedFields));
  fields.forEach((raw, fieldIndex) => {
    const field = record(raw);
    lengthBetween(issues, at('fields', fieldIndex, 'name'), String(field['name'] ?? ''), 1, DiscordLimits.embedFieldName);
    lengthBetween(issues, at('fields', fieldIndex, 'value'), String(field['value'] ?? ''), 1, DiscordLimits.embedFieldValue);
  });
  const footer = record(embed['footer'])['text'];
  if (typeof footer === 'string') maxLength(issues, at('footer', 'text'), footer, DiscordLimits.embedFooter);
  const author = record(embed['author'])['name'];
  if (typeof author === 'string') maxLength(issues, at('author', 'name'), author, DiscordLimits.embedAuthor);
  return issues;
}

function embedLength(embed: Record<string, unknown>): number {
  const text = (value: unknown) => (typeof value === 'string' ? value.length : 0);
  const fields = Array.isArray(embed['fields']) ? embed['fields'] : [];
  return (
    text(embed['title']) +
    text(embed['description']) +
    text(record(embed['footer'])['text']) +
    text(record(embed['author'])['name']) +
    fields.reduce((sum: number, field) => sum + text(record(field)['name']) + text(record(field)['value']), 0)
  );
}

function componentIssues(rows: unknown[]): FormIssue[] {
  const issues: FormIssue[] = [];
  const actionRows = rows.filter((row) => record(row)['type'] === 1);
  const customIds = new Set<string>();
  if (actionRows.length > DiscordLimits.actionRows) issues.push(tooMany(['components'], DiscordLimits.actionRows));
  rows.forEach((raw, rowIndex) => {
    const row = record(raw);
    if (row['type'] !== 1) return;
    const children = Array.isArray(row['components']) ? row['components'] : [];
    if (children.length > DiscordLimits.componentsPerRow) issues.push(tooMany(['components', rowIndex, 'components'], DiscordLimits.componentsPerRow));
    children.forEach((child, childIndex) => {
      const customId = record(child)['custom_id'];
      if (typeof customId !== 'string') return;
      const path = ['components', rowIndex, 'components', childIndex, 'custom_id'];
      lengthBetween(issues, path, customId, 1, DiscordLimits.customId);
      // Discord refuses a message whose components repeat a custom_id.
      if (customIds.has(customId)) issues.push({ path, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      customIds.add(customId);
    });
  });
  return issues;
}

function maxLength(issues: FormIssue[], path: (string | number)[], value: string, max: number): void {
  if (value.length > max) issues.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function lengthBetween(issues: FormIssue[], path: (string | number)[], value: string, min: number, max: number): void {
  if (value.length < min || value.length > max) {
    issues.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` });
  }
}

function tooMany(path: (string | number)[], max: number): FormIssue {
  return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}
