import type { FakeInteraction } from './interaction-registry.ts';
import { asRecord } from './json.ts';
import { buildMessage, MessageFlag, type FakeMessage } from './messages.ts';
import { Errors, fromFailure, noContent, ok, route, type RestCall, type RestReply, type RestRoute } from './rest-routing.ts';
import type { FakeState } from './state.ts';
import { autocompleteIssues, invalidFormBody, isEmptyMessage, messageBodyIssues } from './validation.ts';

/** Callback types, as the API numbers them. */
const Callback = { Reply: 4, DeferReply: 5, DeferUpdate: 6, Update: 7, Autocomplete: 8, Modal: 9 } as const;

/** Which callback types each interaction type accepts (2 command, 3 component, 4 autocomplete). */
const allowedCallbacks: Record<number, number[]> = {
  2: [Callback.Reply, Callback.DeferReply, Callback.Modal],
  3: [Callback.Reply, Callback.DeferReply, Callback.DeferUpdate, Callback.Update, Callback.Modal],
  4: [Callback.Autocomplete],
};

/** Interaction callbacks and the interaction webhook (edit/delete @original, follow-ups). */
export const interactionRoutes: RestRoute[] = [
  route('POST', '/interactions/:id/:token/callback', respond, { auth: false }),
  route('GET', '/webhooks/:appId/:token/messages/:messageId', (call) => withWebhook(call, getMessage), { auth: false }),
  route('PATCH', '/webhooks/:appId/:token/messages/:messageId', (call) => withWebhook(call, editMessage), { auth: false }),
  route('DELETE', '/webhooks/:appId/:token/messages/:messageId', (call) => withWebhook(call, deleteMessage), { auth: false }),
  route('POST', '/webhooks/:appId/:token', (call) => withWebhook(call, followUp), { auth: false }),
];

function respond(call: RestCall): RestReply {
  const { state, params, body } = call;
  const interaction = state.interactions.byId(params['id'] ?? '');
  if (!interaction || interaction.token !== params['token']) return Errors.unknownInteraction();
  if (Date.now() - interaction.createdAt > state.options.interactionResponseWindowMs) return Errors.unknownInteraction();
  if (interaction.callbacks.length > 0) return Errors.alreadyAcknowledged();
  const type = typeof body['type'] === 'number' ? body['type'] : -1;
  const data = body['data'] === undefined ? undefined : asRecord(body['data']);
  if (!(allowedCallbacks[interaction.type] ?? []).includes(type)) {
    return fromFailure(invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Invalid interaction response type' }]));
  }
  const invalid = state.options.validatePayloads ? validateCallback(type, data ?? {}, call.request.files.length) : undefined;
  if (invalid) return invalid;
  interaction.callbacks.push({ type, data, at: Date.now() });
  const message = applyCallback(state, interaction, type, data ?? {});
  if (call.request.query['with_response'] !== 'true') return noContent;
  return ok({
    interaction: {
      id: interaction.id,
      type: interaction.type,
      response_message_id: message?.id,
      response_message_loading: message ? (message.flags & MessageFlag.Loading) !== 0 : undefined,
      response_message_ephemeral: message ? (message.flags & MessageFlag.Ephemeral) !== 0 : undefined,
    },
    resource: { type, ...(message ? { message } : {}) },
  });
}

function validateCallback(type: number, data: Record<string, unknown>, fileCount: number): RestReply | undefined {
  if (type === Callback.Autocomplete) {
    const issues = autocompleteIssues(data['choices']);
    return issues.length > 0 ? fromFailure(invalidFormBody(issues, ['data'])) : undefined;
  }
  if (type !== Callback.Reply && type !== Callback.Update) return undefined;
  const issues = messageBodyIssues(data);
  if (issues.length > 0) return fromFailure(invalidFormBody(issues, ['data']));
  return type === Callback.Reply && isEmptyMessage(data, fileCount) ? Errors.emptyMessage() : undefined;
}

/** Makes or changes the message a callback implies; returns the response message if there is one. */
function applyCallback(state: FakeState, interaction: FakeInteraction, type: number, data: Record<string, unknown>): FakeMessage | undefined {
  if (type === Callback.Reply || type === Callback.DeferReply) {
    const ephemeral = typeof data['flags'] === 'number' ? data['flags'] & MessageFlag.Ephemeral : 0;
    const body = type === Callback.Reply ? data : { content: '', flags: MessageFlag.Loading | ephemeral };
    const message = state.messages.add(interactionMessage(state, interaction, body));
    interaction.originalMessageId = message.id;
    return message;
  }
  // After an update, or a deferred one, the interaction's @original is the message the component is on.
  if ((type === Callback.Update || type === Callback.DeferUpdate) && interaction.componentMessageId) interaction.originalMessageId = interaction.componentMessageId;
  if (type === Callback.Update && interaction.componentMessageId) return state.messages.edit(interaction.componentMessageId, data);
  if (type === Callback.DeferUpdate && interaction.componentMessageId) return state.messages.get(interaction.componentMessageId);
  return undefined;
}

function interactionMessage(state: FakeState, interaction: FakeInteraction, body: Record<string, unknown>): FakeMessage {
  return buildMessage({
    id: state.ids.next(),
    channelId: interaction.channelId,
    guildId: interaction.guildId,
    author: state.world.botUser,
    body,
    type: interaction.responseMessageType,
    extra: {
      webhook_id: interaction.applicationId,
      application_id: interaction.applicationId,
      interaction_metadata: {
        id: interaction.id,
        type: interaction.type,
        user: interaction.user,
        authorizing_integration_owners: { '0': interaction.guildId ?? '0' },
      },
    },
  });
}

/** Resolves the interaction behind /webhooks/{appId}/{token}, enforcing the token lifetime. */
function withWebhook(call: RestCall, run: (call: RestCall, interaction: FakeInteraction) => RestReply): RestReply {
  const interaction = call.state.interactions.byWebhook(call.params['appId'] ?? '', call.params['token'] ?? '');
  if (!interaction) return Errors.unknownWebhook();
  if (Date.now() - interaction.createdAt > call.state.options.interactionTokenLifetimeMs) return Errors.invalidWebhookToken();
  return run(call, interaction);
}

/** The message id a webhook path names: @original, or a follow-up id of this interaction. */
function messageIdOf(call: RestCall, interaction: FakeInteraction): string | undefined {
  const requested = call.params['messageId'];
  if (requested === '@original') return interaction.originalMessageId;
  return requested !== undefined && interaction.followUpMessageIds.includes(requested) ? requested : undefined;
}

function getMessage(call: RestCall, interaction: FakeInteraction): RestReply {
  const id = messageIdOf(call, interaction);
  const message = id === undefined ? undefined : call.state.messages.get(id);
  return message ? ok(message) : Errors.unknownMessage();
}

function editMessage(call: RestCall, interaction: FakeInteraction): RestReply {
  const id = messageIdOf(call, interaction);
  if (id === undefined) return Errors.unknownMessage();
  if (call.state.options.validatePayloads) {
    const issues = messageBodyIssues(call.body);
    if (issues.length > 0) return fromFailure(invalidFormBody(issues));
  }
  const edited = call.state.messages.edit(id, call.body);
  return edited ? ok(edited) : Errors.unknownMessage();
}

function deleteMessage(call: RestCall, interaction: FakeInteraction): RestReply {
  const id = messageIdOf(call, interaction);
  if (id === undefined || !call.state.messages.delete(id)) return Errors.unknownMessage();
  if (id === interaction.originalMessageId) interaction.originalMessageId = undefined;
  return noContent;
}

function followUp(call: RestCall, interaction: FakeInteraction): RestReply {
  const { state, body, request } = call;
  if (interaction.callbacks.length === 0) return Errors.unknownWebhook();
  if (state.options.validatePayloads) {
    const issues = messageBodyIssues(body);
    if (issues.length > 0) return fromFailure(invalidFormBody(issues));
    if (isEmptyMessage(body, request.files.length)) return Errors.emptyMessage();
  }
  const message = state.messages.add(interactionMessage(state, interaction, body));
  interaction.followUpMessageIds.push(message.id);
  return request.query['wait'] === 'true' ? ok(message) : noContent;
}
