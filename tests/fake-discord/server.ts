import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIUser } from 'discord.js';
import type { StoredCommand } from './commands.ts';
import type { FailureRule } from './failures.ts';
import { Gateway } from './gateway.ts';
import type { GatewayFrame } from './gateway-session.ts';
import { sendJson, type RecordedRequest } from './http-io.ts';
import {
  InteractionFactory,
  type AutocompleteSpec,
  type ButtonSpec,
  type MessageContextMenuSpec,
  type SentInteraction,
  type SlashCommandSpec,
} from './interaction-factory.ts';
import type { FakeInteraction } from './interaction-registry.ts';
import type { FakeMessage } from './messages.ts';
import { resolveFakeDiscordOptions, type FakeDiscordOptions } from './options.ts';
import { RestApi } from './rest.ts';
import { createFakeState, type FakeState } from './state.ts';
import { createUserMessage, messageCreatePayload, type UserMessageSpec } from './user-messages.ts';
import type { FakeGuild, FakeTextChannel, FakeUserSpec } from './world.ts';

/** Where a started fake listens. */
export interface FakeDiscordAddress {
  /** For `new Client({ rest: { api } })`: http://127.0.0.1:PORT/api (the client appends /v10). */
  apiUrl: string;
  /** ws://127.0.0.1:PORT, announced by GET /gateway/bot and as resume_gateway_url. */
  gatewayUrl: string;
  port: number;
}

/**
 * A local stand-in for Discord that the real discord.js Client can log in to: REST under
 * /api/v10 and the gateway on one HTTP server on 127.0.0.1. Tests drive users' actions
 * (messages, slash commands, buttons…) and assert on what the bot sent back.
 */
export class FakeDiscord {
  readonly #state: FakeState;
  readonly #rest: RestApi;
  readonly #gateway: Gateway;
  readonly #interactionFactory: InteractionFactory;
  readonly #server: Server;
  #address: FakeDiscordAddress | undefined;

  constructor(options: FakeDiscordOptions = {}) {
    this.#state = createFakeState(resolveFakeDiscordOptions(options));
    this.#rest = new RestApi(this.#state);
    this.#gateway = new Gateway(this.#state);
    this.#interactionFactory = new InteractionFactory(this.#state);
    this.#server = createServer((req, res) => {
      this.#rest.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { message: `fake-discord: ${String(error)}`, code: 0 });
      });
    });
    this.#server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/api')) socket.destroy();
      else this.#gateway.handleUpgrade(req, socket, head);
    });
  }

  /** Creates and starts a fake in one step. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await fake.start();
    return fake;
  }

  /** Listens on 127.0.0.1 on a free port. */
  async start(): Promise<FakeDiscordAddress> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.#server.address() as AddressInfo;
    this.#state.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.#address = { apiUrl: `http://127.0.0.1:${port}/api`, gatewayUrl: this.#state.gatewayUrl, port };
    return this.#address;
  }

  /** Closes the gateway sockets and the HTTP server. Destroy the Client first, or it keeps reconnecting. */
  async close(): Promise<void> {
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  get apiUrl(): string {
    return this.#started().apiUrl;
  }

  get gatewayUrl(): string {
    return this.#started().gatewayUrl;
  }

  /** The token the client must log in with. */
  get token(): string {
    return this.#state.options.token;
  }

  get applicationId(): string {
    return this.#state.world.applicationId;
  }

  get botUser(): APIUser {
    return this.#state.world.botUser;
  }

  /** The user who acts when a test names nobody. */
  get defaultUser(): APIUser {
    return this.#state.world.defaultUser;
  }

  /** The first guild. */
  get guild(): FakeGuild {
    return this.#state.world.guild();
  }

  /** The first guild's first text channel. */
  get channel(): FakeTextChannel {
    return this.#state.world.textChannel();
  }

  /** Makes up a user to act in later events (keep it to reuse the same id). */
  user(spec: FakeUserSpec = {}): APIUser {
    return this.#state.world.makeUser(spec);
  }

  // REST side

  /** Every REST call answered so far, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#rest.requests.entries;
  }

  /** The first recorded request (already made or still to come) matching the predicate. */
  waitForRequest(matches: (request: RecordedRequest) => boolean, timeoutMs = 2_000): Promise<RecordedRequest> {
    return this.#rest.requests.waitFor(matches, timeoutMs);
  }

  /** Makes the next matching request(s) fail with this response (see DiscordErrors for presets). */
  failNext(rule: FailureRule): void {
    this.#rest.failures.add(rule);
  }

  /** Failure rules not used up yet. */
  pendingFailures(): FailureRule[] {
    return this.#rest.failures.pending();
  }

  /** Forgets recorded requests and gateway frames (not the world, messages or interactions). */
  clearRecords(): void {
    this.#rest.requests.clear();
    this.#gateway.frames.clear();
  }

  // Gateway side

  /** Sends a raw dispatch to the client; returns how many sessions take it (intents may filter it out). */
  dispatch(event: string, data: Record<string, unknown>): number {
    return this.#gateway.dispatch(event, data);
  }

  sendSlashCommand(spec: SlashCommandSpec): SentInteraction {
    return this.#sendInteraction(this.#interactionFactory.slashCommand(spec));
  }

  sendAutocomplete(spec: AutocompleteSpec): SentInteraction {
    return this.#sendInteraction(this.#interactionFactory.autocomplete(spec));
  }

  sendButton(spec: ButtonSpec): SentInteraction {
    return this.#sendInteraction(this.#interactionFactory.button(spec));
  }

  sendMessageContextMenu(spec: MessageContextMenuSpec): SentInteraction {
    return this.#sendInteraction(this.#interactionFactory.messageContextMenu(spec));
  }

  /** A user posts a message (MESSAGE_CREATE); returns the stored message. */
  sendMessage(spec: UserMessageSpec): FakeMessage {
    const message = createUserMessage(this.#state, spec);
    this.#gateway.dispatch('MESSAGE_CREATE', messageCreatePayload(this.#state, message));
    return message;
  }

  /** Drops every gateway socket with this close code: 4000 (default) makes the client resume, 1000 re-identify. */
  disconnectAll(code?: number): void {
    this.#gateway.disconnectAll(code);
  }

  /** Sends op 7 RECONNECT to every socket; the client reconnects and resumes. */
  requestReconnect(): void {
    this.#gateway.requestReconnect();
  }

  /** Sends op 9 INVALID SESSION; not resumable (default) makes the client identify again. */
  invalidateSessions(resumable = false): void {
    this.#gateway.invalidateSessions(resumable);
  }

  /** Every gateway payload sent or received so far, oldest first. */
  get gatewayFrames(): readonly GatewayFrame[] {
    return this.#gateway.frames.entries;
  }

  waitForGatewayFrame(matches: (frame: GatewayFrame) => boolean, timeoutMs = 2_000): Promise<GatewayFrame> {
    return this.#gateway.frames.waitFor(matches, timeoutMs);
  }

  /** Id of the newest gateway socket so far (0 before the first); each reconnect opens a higher one. */
  get latestConnectionId(): number {
    return this.#gateway.frames.entries.reduce((latest, frame) => Math.max(latest, frame.connectionId), 0);
  }

  /**
   * Waits for READY or RESUMED on a socket newer than `afterConnectionId` (by default the newest
   * now): call it right after triggering a drop, or read latestConnectionId before the drop.
   */
  waitForSession(afterConnectionId = this.latestConnectionId, timeoutMs = 5_000): Promise<GatewayFrame> {
    return this.waitForGatewayFrame(
      (frame) => frame.direction === 'sent' && (frame.t === 'READY' || frame.t === 'RESUMED') && frame.connectionId > afterConnectionId,
      timeoutMs,
    );
  }

  /** Sessions attached to an open socket right now. */
  get connectedSessions(): number {
    return this.#gateway.connectedSessions;
  }

  // What the bot did

  /** An interaction sent by this fake, with the callbacks, original message and follow-ups the bot made. */
  interaction(id: string): FakeInteraction | undefined {
    return this.#state.interactions.byId(id);
  }

  /** A stored message (sent by users, the bot, or made for interactions) by id. */
  message(id: string): FakeMessage | undefined {
    return this.#state.messages.get(id);
  }

  /** Messages in a channel, oldest first. */
  channelMessages(channelId: string): FakeMessage[] {
    return this.#state.messages.inChannel(channelId);
  }

  /** Registered application commands: global, or a guild's. */
  commands(guildId?: string): StoredCommand[] {
    return this.#state.commands.list(guildId);
  }

  #sendInteraction(sent: SentInteraction): SentInteraction {
    this.#gateway.dispatch('INTERACTION_CREATE', sent.payload);
    return sent;
  }

  #started(): FakeDiscordAddress {
    if (!this.#address) throw new Error('FakeDiscord: call start() first');
    return this.#address;
  }
}
