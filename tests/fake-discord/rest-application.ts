import { asArray, asRecord } from './json.ts';
import { apiError, fromFailure, ok, route, type RestCall, type RestReply, type RestRoute } from './rest-routing.ts';
import { commandIssues, invalidFormBody } from './validation.ts';

/** Gateway discovery, the bot's own user and application, and application command registration. */
export const applicationRoutes: RestRoute[] = [
  route('GET', '/gateway', ({ state }) => ok({ url: state.gatewayUrl }), { auth: false }),
  route('GET', '/gateway/bot', ({ state }) =>
    ok({
      url: state.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    }),
  ),
  route('GET', '/users/@me', ({ state }) => ok({ ...state.world.botUser, verified: true, mfa_enabled: false, flags: 0, locale: 'en-US' })),
  route('GET', '/applications/@me', ({ state }) => ok(applicationObject(state))),
  route('GET', '/oauth2/applications/@me', ({ state }) => ok(applicationObject(state))),
  route('GET', '/applications/:appId/commands', (call) => withCommandScope(call, (guildId) => ok(call.state.commands.list(guildId)))),
  route('GET', '/applications/:appId/guilds/:guildId/commands', (call) => withCommandScope(call, (guildId) => ok(call.state.commands.list(guildId)))),
  route('PUT', '/applications/:appId/commands', (call) => withCommandScope(call, (guildId) => overwriteCommands(call, guildId))),
  route('PUT', '/applications/:appId/guilds/:guildId/commands', (call) => withCommandScope(call, (guildId) => overwriteCommands(call, guildId))),
  route('POST', '/applications/:appId/commands', (call) => withCommandScope(call, (guildId) => upsertCommand(call, guildId))),
  route('POST', '/applications/:appId/guilds/:guildId/commands', (call) => withCommandScope(call, (guildId) => upsertCommand(call, guildId))),
];

function applicationObject({ world }: RestCall['state']): Record<string, unknown> {
  return {
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: world.defaultUser,
    team: null,
    bot: world.botUser,
    approximate_guild_count: world.guilds.length,
  };
}

/** Checks the application id (and the guild, if any) before running a command route. */
function withCommandScope(call: RestCall, run: (guildId: string | undefined) => RestReply): RestReply {
  const { appId, guildId } = call.params;
  if (appId !== call.state.world.applicationId) return apiError(404, 10002, 'Unknown Application');
  if (guildId !== undefined && !call.state.world.guilds.some((guild) => guild.id === guildId)) return apiError(403, 50001, 'Missing Access');
  return run(guildId);
}

function overwriteCommands(call: RestCall, guildId: string | undefined): RestReply {
  const bodies = asArray(call.request.body);
  if (call.state.options.validatePayloads) {
    const issues = commandIssues(bodies);
    if (issues.length > 0) return fromFailure(invalidFormBody(issues));
  }
  return ok(call.state.commands.overwrite(bodies.map(asRecord), guildId));
}

function upsertCommand(call: RestCall, guildId: string | undefined): RestReply {
  const { commands, options } = call.state;
  if (options.validatePayloads) {
    const issues = commandIssues([call.body]).map((issue) => ({ ...issue, path: issue.path.slice(1) }));
    if (issues.length > 0) return fromFailure(invalidFormBody(issues));
  }
  const type = typeof call.body['type'] === 'number' ? call.body['type'] : 1;
  const others = commands.list(guildId).filter((command) => !(command.name === call.body['name'] && command.type === type));
  const existed = others.length < commands.list(guildId).length;
  const stored = commands.overwrite([...others, call.body], guildId);
  return { status: existed ? 200 : 201, body: stored[stored.length - 1] };
}
