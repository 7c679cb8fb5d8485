import { WebSocket } from 'ws';
import { visibleDispatch, type IntentContext } from './intents.ts';

/** One payload on the gateway, in either direction, as tests see it. */
export interface GatewayFrame {
  direction: 'received' | 'sent';
  /** Which socket (1, 2, …): a reconnect gets a new one. */
  connectionId: number;
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
}

/** A dispatch kept for replay on RESUME. */
interface SentDispatch {
  s: number;
  t: string;
  d: Record<string, unknown>;
}

/**
 * A gateway session (what IDENTIFY creates and RESUME continues): its intents, its
 * sequence counter, the dispatches it was sent, and the socket it is attached to if any.
 */
export class GatewaySession {
  readonly id: string;
  readonly context: IntentContext;
  /** False once the client closed with 1000/1001 or the session was invalidated: it can no longer be resumed. */
  resumable = true;
  #sequence = 0;
  #socket: { ws: WebSocket; send: (payload: Record<string, unknown>) => void } | undefined;
  readonly #sent: SentDispatch[] = [];

  constructor(id: string, context: IntentContext) {
    this.id = id;
    this.context = context;
  }

  get connected(): boolean {
    return this.#socket !== undefined && this.#socket.ws.readyState === WebSocket.OPEN;
  }

  get sequence(): number {
    return this.#sequence;
  }

  attach(ws: WebSocket, send: (payload: Record<string, unknown>) => void): void {
    this.#socket = { ws, send };
  }

  detach(ws: WebSocket): void {
    if (this.#socket?.ws === ws) this.#socket = undefined;
  }

  isAttachedTo(ws: WebSocket): boolean {
    return this.#socket?.ws === ws;
  }

  /**
   * Sends a dispatch if this session's intents allow it (stripping content as needed).
   * While detached the dispatch is only kept, to be replayed if the client resumes.
   * Returns false when the intents filter it out.
   */
  dispatch(event: string, data: Record<string, unknown>): boolean {
    const visible = visibleDispatch(event, data, this.context);
    if (!visible) return false;
    this.#sequence += 1;
    const entry = { s: this.#sequence, t: event, d: visible };
    this.#sent.push(entry);
    if (this.connected) this.#socket?.send({ op: 0, ...entry });
    return true;
  }

  /** Sends a dispatch whatever the intents (READY, RESUMED). */
  dispatchAlways(event: string, data: Record<string, unknown>): void {
    this.#sequence += 1;
    const entry = { s: this.#sequence, t: event, d: data };
    this.#sent.push(entry);
    this.#socket?.send({ op: 0, ...entry });
  }

  /** Re-sends what the client missed after `sequence`, as Discord does on RESUME. Returns how many. */
  replayAfter(sequence: number): number {
    const missed = this.#sent.filter((entry) => entry.s > sequence);
    for (const entry of missed) this.#socket?.send({ op: 0, ...entry });
    return missed.length;
  }
}
