import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { GatewaySession, type GatewayFrame } from './gateway-session.ts';
import { guildCreatePayload } from './guild-payloads.ts';
import { Journal } from './journal.ts';
import { asRecord } from './json.ts';
import { randomToken } from './snowflake.ts';
import type { FakeState } from './state.ts';

/** Gateway opcodes the fake speaks. */
const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, VoiceStateUpdate: 4, Resume: 6, Reconnect: 7, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

/** Close codes the fake uses (Discord's). */
const Close = { UnknownError: 4000, UnknownOpcode: 4001, DecodeError: 4002, NotAuthenticated: 4003, AuthenticationFailed: 4004, AlreadyAuthenticated: 4005, InvalidApiVersion: 4012 } as const;

interface Connection {
  id: number;
  ws: WebSocket;
  session: GatewaySession | undefined;
}

/**
 * The fake gateway: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATEs, RESUME with
 * replay of missed dispatches, and test-side drops (close, op 7, op 9). Logs every frame.
 */
export class Gateway {
  readonly frames = new Journal<GatewayFrame>('gateway frame', (frame) => `${frame.direction} #${frame.connectionId} op ${frame.op}${frame.t ? ` ${frame.t}` : ''}`);
  readonly #state: FakeState;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  readonly #sessions = new Map<string, GatewaySession>();
  #nextConnectionId = 1;

  constructor(state: FakeState) {
    this.#state = state;
  }

  /** Takes over an HTTP upgrade request (any path outside /api). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, req));
  }

  /** Sends a dispatch to every live session (queued for replay while one is reconnecting). Returns how many sessions take it. */
  dispatch(event: string, data: Record<string, unknown>): number {
    const sessions = [...this.#sessions.values()].filter((session) => session.resumable);
    if (sessions.length === 0) throw new Error(`fake gateway: no session to dispatch ${event} to; wait for the client to be ready`);
    return sessions.filter((session) => session.dispatch(event, data)).length;
  }

  /** Closes every socket with this code; sessions stay resumable (4000 → the client resumes; 1000 → it identifies anew). */
  disconnectAll(code: number = Close.UnknownError): void {
    for (const connection of this.#connections) connection.ws.close(code, 'fake-discord: disconnect');
  }

  /** Sends op 7 RECONNECT: the client closes and resumes. */
  requestReconnect(): void {
    for (const connection of this.#connections) this.#send(connection, { op: Op.Reconnect, d: null });
  }

  /** Sends op 9 INVALID SESSION; with resumable false the sessions end and the client must identify again. */
  invalidateSessions(resumable = false): void {
    for (const connection of this.#connections) {
      if (!resumable && connection.session) connection.session.resumable = false;
      this.#send(connection, { op: Op.InvalidSession, d: resumable });
    }
  }

  /** Sessions attached to an open socket. */
  get connectedSessions(): number {
    return [...this.#sessions.values()].filter((session) => session.connected).length;
  }

  async close(): Promise<void> {
    for (const connection of this.#connections) connection.ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #accept(ws: WebSocket, req: IncomingMessage): void {
    const connection: Connection = { id: this.#nextConnectionId++, ws, session: undefined };
    this.#connections.add(connection);
    ws.on('message', (raw) => this.#receive(connection, raw));
    ws.on('close', (code) => this.#closed(connection, code));
    ws.on('error', () => undefined);
    const version = new URL(req.url ?? '/', 'ws://fake.invalid').searchParams.get('v');
    if (version !== null && version !== '10') {
      ws.close(Close.InvalidApiVersion, 'Invalid API version');
      return;
    }
    this.#send(connection, { op: Op.Hello, d: { heartbeat_interval: this.#state.options.heartbeatIntervalMs, _trace: ['fake-discord'] } });
  }

  #receive(connection: Connection, raw: RawData): void {
    let payload: Record<string, unknown>;
    try {
      payload = asRecord(JSON.parse(rawText(raw)));
    } catch {
      connection.ws.close(Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    const op = typeof payload['op'] === 'number' ? payload['op'] : -1;
    this.frames.add({ direction: 'received', connectionId: connection.id, op, t: null, s: null, d: payload['d'], at: Date.now() });
    const d = asRecord(payload['d']);
    switch (op) {
      case Op.Heartbeat:
        return this.#send(connection, { op: Op.HeartbeatAck });
      case Op.Identify:
        return this.#identify(connection, d);
      case Op.Resume:
        return this.#resume(connection, d);
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!connection.session) connection.ws.close(Close.NotAuthenticated, 'Not authenticated.');
        return;
      default:
        connection.ws.close(Close.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #identify(connection: Connection, d: Record<string, unknown>): void {
    if (connection.session) return connection.ws.close(Close.AlreadyAuthenticated, 'Already authenticated.');
    if (d['token'] !== this.#state.options.token) return connection.ws.close(Close.AuthenticationFailed, 'Authentication failed.');
    const { world, options } = this.#state;
    const intents = options.enforceIntents ? Number(d['intents'] ?? 0) : ~0;
    const session = new GatewaySession(randomToken(32), { intents, botUserId: world.botUser.id });
    this.#sessions.set(session.id, session);
    this.#attach(connection, session);
    session.dispatchAlways('READY', {
      v: 10,
      user: { ...world.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: world.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.#state.gatewayUrl,
      shard: [0, 1],
      application: { id: world.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['fake'],
      user_settings: {},
      _trace: ['fake-discord'],
    });
    for (const guild of world.guilds) session.dispatch('GUILD_CREATE', guildCreatePayload(guild, world.botUser));
  }

  #resume(connection: Connection, d: Record<string, unknown>): void {
    if (connection.session) return connection.ws.close(Close.AlreadyAuthenticated, 'Already authenticated.');
    if (d['token'] !== this.#state.options.token) return connection.ws.close(Close.AuthenticationFailed, 'Authentication failed.');
    const session = this.#sessions.get(String(d['session_id']));
    if (!session?.resumable) return this.#send(connection, { op: Op.InvalidSession, d: false });
    for (const other of this.#connections) {
      if (other !== connection && other.session === session) other.ws.close(Close.UnknownError, 'Session resumed elsewhere.');
    }
    this.#attach(connection, session);
    session.replayAfter(Number(d['seq'] ?? 0));
    session.dispatchAlways('RESUMED', { _trace: ['fake-discord'] });
  }

  #attach(connection: Connection, session: GatewaySession): void {
    connection.session = session;
    session.attach(connection.ws, (payload) => this.#send(connection, payload));
  }

  #closed(connection: Connection, code: number): void {
    this.#connections.delete(connection);
    const session = connection.session;
    if (!session?.isAttachedTo(connection.ws)) return;
    session.detach(connection.ws);
    if (code === 1000 || code === 1001) session.resumable = false;
  }

  #send(connection: Connection, payload: Record<string, unknown>): void {
    if (connection.ws.readyState !== WebSocket.OPEN) return;
    connection.ws.send(JSON.stringify(payload));
    const { op, t, s, d } = payload;
    this.frames.add({
      direction: 'sent',
      connectionId: connection.id,
      op: typeof op === 'number' ? op : -1,
      t: typeof t === 'string' ? t : null,
      s: typeof s === 'number' ? s : null,
      d,
      at: Date.now(),
    });
  }
}

function rawText(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.from(raw as ArrayBuffer).toString('utf8');
}
