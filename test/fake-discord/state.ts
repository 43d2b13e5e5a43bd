import type { EventEmitter } from 'node:events';
import type { APIUser } from 'discord.js';
import type { FakeMessage, MessageStore } from './messages.js';
import type { RecordedRequest, UploadedFile } from './http-util.js';
import type { FakeGuild } from './world.js';

/** A command as registered through PUT /applications/:app[/guilds/:gid]/commands (the stored JSON, plus ids). */
export interface RegisteredCommand {
  id: string;
  application_id: string;
  guild_id?: string;
  name: string;
  type?: number;
  options?: OptionSchema[];
  default_member_permissions?: string | null;
  [key: string]: unknown;
}
export interface OptionSchema {
  type: number;
  name: string;
  required?: boolean;
  autocomplete?: boolean;
  options?: OptionSchema[];
}

export interface InteractionCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  files: UploadedFile[];
  at: number;
}

/** What the fake knows about one injected interaction and everything the bot answered to it. */
export interface InteractionRecord {
  id: string;
  token: string;
  /** 2 = application command, 4 = autocomplete. */
  type: number;
  name: string;
  guildId: string | null;
  channelId: string;
  userId: string;
  injectedAt: number;
  /** The INTERACTION_CREATE body that was dispatched. */
  payload: Record<string, unknown>;
  callback: InteractionCallback | undefined;
  /** The "original response" (after type 4, or the placeholder of type 5 until edited). */
  original: FakeMessage | undefined;
  originalDeleted: boolean;
  followups: FakeMessage[];
}

export interface FakeState {
  token: string;
  bot: APIUser;
  applicationId: string;
  guilds: FakeGuild[];
  messages: MessageStore;
  interactions: Map<string, InteractionRecord>;
  globalCommands: RegisteredCommand[];
  guildCommands: Map<string, RegisteredCommand[]>;
  requests: RecordedRequest[];
  /** Emits `change` after every request, callback, message or gateway event: waiters re-check then. */
  events: EventEmitter;
  /** Milliseconds the bot has to send the first interaction callback (Discord: 3,000). */
  interactionDeadlineMs: number;
  /** How long an interaction's token works for webhook calls (Discord: 15 minutes); then 401/50027. */
  interactionTokenMs: number;
  /** Whether GET channel messages includes each message's nonce (Discord returns it only when posting). */
  listNonces: boolean;
  restUrl: string;
  gatewayUrl: string;
}

export function interactionByToken(state: FakeState, token: string): InteractionRecord | undefined {
  for (const rec of state.interactions.values()) if (rec.token === token) return rec;
  return undefined;
}
