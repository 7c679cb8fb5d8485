import { channelPayload } from './guild-payloads.ts';
import { buildMessage } from './messages.ts';
import { apiError, Errors, fromFailure, noContent, ok, route, type RestCall, type RestReply, type RestRoute } from './rest-routing.ts';
import { invalidFormBody, isEmptyMessage, messageBodyIssues } from './validation.ts';
import type { FakeChannel } from './world.ts';

/** Channels, channel messages and users as the bot uses them (send, reply, edit, delete, typing, react, fetch a user, open a DM). */
export const channelRoutes: RestRoute[] = [
  route('GET', '/channels/:channelId', (call) => withChannel(call, (channel) => ok(channelPayload(channel)))),
  route('POST', '/channels/:channelId/messages', (call) => withChannel(call, (channel) => createMessage(call, channel))),
  route('GET', '/channels/:channelId/messages/:messageId', (call) =>
    withChannel(call, (channel) => {
      const message = call.state.messages.get(call.params['messageId'] ?? '');
      return message?.channel_id === channel.id ? ok(message) : Errors.unknownMessage();
    }),
  ),
  route('PATCH', '/channels/:channelId/messages/:messageId', (call) => withChannel(call, (channel) => editMessage(call, channel))),
  route('DELETE', '/channels/:channelId/messages/:messageId', (call) =>
    withChannel(call, (channel) => {
      const message = call.state.messages.get(call.params['messageId'] ?? '');
      if (message?.channel_id !== channel.id) return Errors.unknownMessage();
      call.state.messages.delete(message.id);
      return noContent;
    }),
  ),
  route('POST', '/channels/:channelId/typing', (call) => withChannel(call, () => noContent)),
  route('PUT', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', (call) =>
    withChannel(call, (channel) => (call.state.messages.get(call.params['messageId'] ?? '')?.channel_id === channel.id ? noContent : Errors.unknownMessage())),
  ),
  route('GET', '/users/:userId', ({ state, params }) => {
    const user = state.world.findUser(params['userId'] ?? '');
    return user ? ok(user) : apiError(404, 10013, 'Unknown User');
  }),
  route('POST', '/users/@me/channels', ({ state, body }) => {
    const recipient = state.world.findUser(String(body['recipient_id'] ?? ''));
    return recipient ? ok(channelPayload(state.world.dmChannelWith(recipient))) : apiError(400, 50033, 'Invalid Recipient(s)');
  }),
];

function withChannel(call: RestCall, run: (channel: FakeChannel) => RestReply): RestReply {
  const channel = call.state.world.findChannel(call.params['channelId'] ?? '');
  return channel ? run(channel) : Errors.unknownChannel();
}

function createMessage(call: RestCall, channel: FakeChannel): RestReply {
  const { state, body, request } = call;
  const reference = body['message_reference'] as { message_id?: string; fail_if_not_exists?: boolean } | undefined;
  const referenced = reference?.message_id === undefined ? undefined : state.messages.get(reference.message_id);
  if (state.options.validatePayloads) {
    const issues = messageBodyIssues(body);
    if (reference?.message_id !== undefined && !referenced && reference.fail_if_not_exists !== false) {
      issues.push({ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' });
    }
    if (issues.length > 0) return fromFailure(invalidFormBody(issues));
    if (isEmptyMessage(body, request.files.length)) return Errors.emptyMessage();
  }
  const message = buildMessage({
    id: state.ids.next(),
    channelId: channel.id,
    guildId: channel.kind === 'guild-text' ? channel.guildId : undefined,
    author: state.world.botUser,
    body,
    referencedMessage: referenced,
  });
  return ok(state.messages.add(message));
}

function editMessage(call: RestCall, channel: FakeChannel): RestReply {
  const { state, body } = call;
  const message = state.messages.get(call.params['messageId'] ?? '');
  if (message?.channel_id !== channel.id) return Errors.unknownMessage();
  if (message.author.id !== state.world.botUser.id) return apiError(403, 50005, 'Cannot edit a message authored by another user');
  if (state.options.validatePayloads) {
    const issues = messageBodyIssues(body);
    if (issues.length > 0) return fromFailure(invalidFormBody(issues));
  }
  return ok(state.messages.edit(message.id, body));
}
