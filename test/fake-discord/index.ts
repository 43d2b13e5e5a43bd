import { EventEmitter } from 'node:events';
import type { APIUser } from 'discord.js';
import { Gateway } from './gateway.js';
import type { GatewayStats } from './gateway.js';
import { InteractionHandle } from './handle.js';
import { matchRoute } from './http-util.js';
import type { RecordedRequest } from './http-util.js';
import type { FaultOptions, RouteMatcher } from './faults.js';
import { createInteraction } from './interactions.js';
import type { AutocompleteInjectOptions, InjectOptions } from './interactions.js';
import { MessageStore } from './messages.js';
import type { FakeMessage } from './messages.js';
import { RestServer } from './rest.js';
import { coreRoutes } from './routes-core.js';
import { interactionRoutes } from './routes-interactions.js';
import { randomToken, snowflake } from './ids.js';
import type { FakeState, RegisteredCommand } from './state.js';
import { waitUntil } from './wait.js';
import { buildGuild, findChannel, findGuild, findMember, locateChannel } from './world.js';
import type { FakeChannel, FakeGuild, FakeMember, GuildSpec } from './world.js';

export interface FakeDiscordOptions {
  token?: string;
  /** Default: one guild with #general and #digests and members owner/admin/member. */
  guilds?: GuildSpec[];
  botName?: string;
  /** HELLO's heartbeat interval (default 1,000 ms, so heartbeats happen during tests). */
  heartbeatIntervalMs?: number;
  /** Deadline for the first interaction callback (default 3,000 ms, as Discord). */
  interactionDeadlineMs?: number;
  /** How long an interaction token works for edits and follow-ups (default 15 minutes, as Discord); then 401/50027. */
  interactionTokenMs?: number;
  /** Command JSON known as if registered globally before the test (saves a register step). */
  commands?: readonly { name: string }[];
}

export interface FakeDiscord {
  /** Pass as the client's `rest: { api }` option. */
  restUrl: string;
  gatewayUrl: string;
  token: string;
  applicationId: string;
  bot: APIUser;
  guilds: FakeGuild[];
  /** Every REST call, in arrival order. */
  requests: RecordedRequest[];
  gateway: GatewayStats;
  globalCommands(): RegisteredCommand[];
  guildCommands(guildId: string): RegisteredCommand[];
  injectCommand(opts: InjectOptions): InteractionHandle;
  injectAutocomplete(opts: AutocompleteInjectOptions): InteractionHandle;
  /** Sends any gateway dispatch (queued for replay while the client is disconnected). */
  dispatch(event: string, data: unknown): void;
  /** The next `times` calls matching `route` get `status` (429 with retry_after and rate-limit headers; 5xx...). */
  failNext(route: RouteMatcher, status: number, times?: number, options?: FaultOptions): void;
  /** Closes the gateway connection with a resumable code; resolves once closed. */
  dropGateway(code?: number): Promise<void>;
  /** Resolves once the client has resumed after the last dropGateway(). */
  waitForResume(timeoutMs?: number): Promise<void>;
  /** First completed request matching `route` with seq > `afterSeq`. */
  waitForRequest(route: RouteMatcher, options?: { afterSeq?: number; timeoutMs?: number }): Promise<RecordedRequest>;
  requestsTo(route: RouteMatcher): RecordedRequest[];
  /** Re-checks `probe` after every request and gateway frame until it returns a value. */
  waitFor<T>(probe: () => T | undefined, timeoutMs?: number, what?: string): Promise<T>;
  /** Whether GET channel messages lists each message's nonce (default true; real Discord does not). */
  listNonces(on: boolean): void;
  /** Non-ephemeral messages of a channel (id or name), oldest first. */
  messages(channel: string): FakeMessage[];
  channel(ref: string, guild?: string): FakeChannel;
  member(ref: string, guild?: string): FakeMember;
  stop(): Promise<void>;
}

const matches = (route: RouteMatcher, r: RecordedRequest): boolean =>
  typeof route === 'function' ? route(r) : matchRoute(route, r.method, r.path);

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const bot: APIUser = { id: snowflake(), username: opts.botName ?? 'Stancewatch', discriminator: '0', global_name: null, avatar: null, bot: true };
  const state: FakeState = {
    token: opts.token ?? `fake.${randomToken()}`, bot, applicationId: bot.id,
    guilds: (opts.guilds ?? [{}]).map((g) => buildGuild(g, bot)),
    messages: new MessageStore(() => state.restUrl, bot), interactions: new Map(), guildCommands: new Map(),
    globalCommands: (opts.commands ?? []).map((c) => ({ ...c, name: c.name, id: snowflake(), application_id: bot.id })),
    requests: [], events: new EventEmitter().setMaxListeners(0), interactionDeadlineMs: opts.interactionDeadlineMs ?? 3000,
    interactionTokenMs: opts.interactionTokenMs ?? 15 * 60_000, listNonces: true, restUrl: '', gatewayUrl: '',
  };
  const rest = new RestServer(state, [...coreRoutes, ...interactionRoutes]);
  const gateway = new Gateway(state, opts.heartbeatIntervalMs ?? 1000);
  state.restUrl = `${await rest.listen()}/api`;
  state.gatewayUrl = await gateway.listen();
  let resumesAtDrop = 0;
  const inject = (o: InjectOptions, focused?: string): InteractionHandle => {
    const rec = createInteraction(state, o, focused);
    gateway.dispatch('INTERACTION_CREATE', rec.payload);
    return new InteractionHandle(state, rec);
  };
  return {
    restUrl: state.restUrl, gatewayUrl: state.gatewayUrl, token: state.token, applicationId: state.applicationId, bot,
    guilds: state.guilds, requests: state.requests, gateway: gateway.stats,
    globalCommands: () => state.globalCommands,
    guildCommands: (id) => state.guildCommands.get(id) ?? [],
    injectCommand: (o) => inject(o),
    injectAutocomplete: (o) => inject(o, o.focused),
    dispatch: (event, data) => gateway.dispatch(event, data),
    failNext: (route, status, times = 1, options = {}) => rest.faults.add(route, status, { ...options, times }),
    dropGateway: async (code = 4000) => {
      resumesAtDrop = gateway.stats.resumes;
      await gateway.drop(code);
    },
    waitForResume: (timeoutMs = 10_000) =>
      waitUntil(state.events, () => (gateway.stats.resumes > resumesAtDrop && gateway.connected ? true : undefined), timeoutMs, 'a RESUME')
        .then(() => undefined),
    waitForRequest: (route, o = {}) =>
      waitUntil(state.events, () => state.requests.find((r) => r.seq > (o.afterSeq ?? 0) && r.status !== 0 && matches(route, r)),
        o.timeoutMs ?? 5000, `a request matching ${String(route)}`),
    waitFor: (probe, timeoutMs = 5000, what = 'a condition') => waitUntil(state.events, probe, timeoutMs, what),
    requestsTo: (route) => state.requests.filter((r) => matches(route, r)),
    listNonces: (on) => {
      state.listNonces = on;
    },
    messages: (ref) => state.messages.list(locateChannel(state.guilds, ref)?.channel.id ?? ref),
    channel: (ref, guild) => findChannel(findGuild(state.guilds, guild), ref),
    member: (ref, guild) => findMember(findGuild(state.guilds, guild), ref),
    stop: async () => {
      await gateway.close();
      await rest.close();
    },
  };
}

export type { FakeMessage } from './messages.js';
export type { RecordedRequest, UploadedFile } from './http-util.js';
export type { InteractionHandle, Choice } from './handle.js';
export type { InjectOptions, AutocompleteInjectOptions } from './interactions.js';
export type { FaultOptions, RouteMatcher } from './faults.js';
export type { FakeGuild, FakeChannel, FakeMember, GuildSpec } from './world.js';
export type { RegisteredCommand, InteractionRecord } from './state.js';
export type { GatewayStats } from './gateway.js';
