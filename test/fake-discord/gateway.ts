import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { RawData, WebSocket } from 'ws';
import { randomToken } from './ids.js';
import type { FakeState } from './state.js';
import { guildCreatePayload } from './world.js';

export interface Frame {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  sent: Frame[];
  socket: WebSocket | null;
}

export interface GatewayStats {
  connections: number;
  identifies: number;
  resumes: number;
  heartbeats: number;
  heartbeatAcks: number;
  /** Frames received from the client, in order. */
  received: Frame[];
  /** Intents sent with the last IDENTIFY. */
  intents: number | undefined;
}

export class Gateway {
  readonly stats: GatewayStats = { connections: 0, identifies: 0, resumes: 0, heartbeats: 0, heartbeatAcks: 0, received: [], intents: undefined };
  private server: WebSocketServer | undefined;
  private session: Session | undefined;

  constructor(private readonly state: FakeState, private readonly heartbeatIntervalMs: number) {}

  async listen(): Promise<string> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', resolve));
    server.on('connection', (socket) => this.onConnection(socket));
    return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  get connected(): boolean {
    return this.session?.socket != null;
  }

  /** Sends (or, while the client is disconnected, queues for RESUME replay) a dispatch event. */
  dispatch(t: string, d: unknown): void {
    const session = this.session;
    if (session === undefined) throw new Error('fake-discord: no gateway session (is the client logged in?)');
    const frame: Frame = { op: 0, t, s: ++session.seq, d };
    session.sent.push(frame);
    session.socket?.send(JSON.stringify(frame));
  }

  /** Closes the client's connection with `code` (4000 = unknown error: the client resumes). Resolves once closed. */
  async drop(code = 4000): Promise<void> {
    const socket = this.session?.socket;
    if (socket == null) throw new Error('fake-discord: no open gateway connection to drop');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.close(code, 'fake-discord drop');
    await closed;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    for (const client of server.clients) client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private onConnection(socket: WebSocket): void {
    this.stats.connections += 1;
    socket.on('message', (data) => this.onFrame(socket, data));
    socket.on('close', () => {
      if (this.session?.socket === socket) this.session.socket = null;
      this.state.events.emit('change');
    });
    send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
  }

  private onFrame(socket: WebSocket, data: RawData): void {
    const frame = JSON.parse(data.toString()) as Frame;
    this.stats.received.push(frame);
    if (frame.op === 1) this.onHeartbeat(socket);
    else if (frame.op === 2) this.onIdentify(socket, frame.d as { token?: string; intents?: number });
    else if (frame.op === 6) this.onResume(socket, frame.d as { token?: string; session_id?: string; seq?: number });
    this.state.events.emit('change');
  }

  private onHeartbeat(socket: WebSocket): void {
    this.stats.heartbeats += 1;
    send(socket, { op: 11 });
    this.stats.heartbeatAcks += 1;
  }

  private onIdentify(socket: WebSocket, d: { token?: string; intents?: number }): void {
    if (d.token !== this.state.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    this.stats.identifies += 1;
    this.stats.intents = d.intents;
    this.session = { id: randomToken(16), seq: 0, sent: [], socket };
    this.dispatch('READY', {
      v: 10, user: this.state.bot, session_id: this.session.id, resume_gateway_url: this.state.gatewayUrl,
      guilds: this.state.guilds.map((g) => ({ id: g.id, unavailable: true })), shard: [0, 1],
      application: { id: this.state.applicationId, flags: 0 },
    });
    for (const guild of this.state.guilds) this.dispatch('GUILD_CREATE', guildCreatePayload(guild));
  }

  private onResume(socket: WebSocket, d: { token?: string; session_id?: string; seq?: number }): void {
    const session = this.session;
    if (session === undefined || d.token !== this.state.token || d.session_id !== session.id) {
      send(socket, { op: 9, d: false });
      return;
    }
    this.stats.resumes += 1;
    session.socket = socket;
    for (const frame of session.sent) if ((frame.s ?? 0) > (d.seq ?? 0)) send(socket, frame);
    this.dispatch('RESUMED', null);
  }
}

function send(socket: WebSocket, frame: Frame): void {
  socket.send(JSON.stringify(frame));
}
