import type { APIAttachment, APIEmbed, APIUser } from 'discord.js';
import { snowflake } from './ids.js';
import type { UploadedFile } from './http-util.js';

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;
const NONCE_WINDOW_MS = 5 * 60_000;

/** A message as the fake stores it. `files` and `allowedMentions` are extra, non-enumerable (not sent back). */
export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: APIUser;
  content: string;
  embeds: APIEmbed[];
  attachments: APIAttachment[];
  components: unknown[];
  flags: number;
  nonce?: string | number;
  timestamp: string;
  edited_timestamp: string | null;
  type: 0;
  tts: false;
  mentions: [];
  mention_roles: [];
  mention_everyone: false;
  pinned: false;
  webhook_id?: string;
  /** Uploaded bytes of the attachments, in the order of `attachments`. */
  readonly files: UploadedFile[];
  /** The allowed_mentions the bot sent with the last create/edit. */
  readonly allowedMentions: unknown;
}

interface Body {
  content?: string;
  embeds?: APIEmbed[];
  components?: unknown[];
  flags?: number;
  nonce?: string | number;
  enforce_nonce?: boolean;
  allowed_mentions?: unknown;
  attachments?: { id: string | number; filename?: string; description?: string }[];
}

export interface CreateOptions {
  guildId?: string;
  webhookId?: string;
  /** Extra flags (e.g. LOADING for a deferred response). */
  flags?: number;
}

export const MESSAGE_FLAGS = { EPHEMERAL, LOADING } as const;

export class MessageStore {
  private readonly byChannel = new Map<string, FakeMessage[]>();
  readonly files = new Map<string, UploadedFile>();

  constructor(private readonly baseUrl: () => string, private readonly author: APIUser) {}

  /** Non-ephemeral messages of a channel, oldest first. */
  list(channelId: string): FakeMessage[] {
    return this.byChannel.get(channelId) ?? [];
  }

  find(channelId: string, id: string): FakeMessage | undefined {
    return this.list(channelId).find((m) => m.id === id);
  }

  /** With `enforce_nonce`, a repeated nonce returns the earlier message instead of posting twice (as Discord). */
  findByNonce(channelId: string, nonce: string | number): FakeMessage | undefined {
    const since = Date.now() - NONCE_WINDOW_MS;
    return this.list(channelId).find((m) => m.nonce === nonce && Date.parse(m.timestamp) >= since);
  }

  create(channelId: string, raw: unknown, files: UploadedFile[], options: CreateOptions = {}): FakeMessage {
    const body = (raw ?? {}) as Body;
    if (body.enforce_nonce === true && body.nonce !== undefined) {
      const earlier = this.findByNonce(channelId, body.nonce);
      if (earlier !== undefined) return earlier;
    }
    const msg = {
      id: snowflake(), channel_id: channelId, author: this.author, content: body.content ?? '', embeds: body.embeds ?? [],
      attachments: [], components: body.components ?? [], flags: (body.flags ?? 0) | (options.flags ?? 0),
      timestamp: new Date().toISOString(), edited_timestamp: null, type: 0, tts: false, mentions: [], mention_roles: [],
      mention_everyone: false, pinned: false,
      ...(options.guildId === undefined ? {} : { guild_id: options.guildId }),
      ...(options.webhookId === undefined ? {} : { webhook_id: options.webhookId }),
      ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
    } as unknown as FakeMessage;
    hidden(msg, 'files', []);
    this.attach(msg, body, files, []);
    hidden(msg, 'allowedMentions', body.allowed_mentions);
    if ((msg.flags & EPHEMERAL) === 0) this.byChannel.set(channelId, [...this.list(channelId), msg]);
    return msg;
  }

  /** Applies an edit (PATCH) in place, as Discord does: absent fields are kept. */
  edit(msg: FakeMessage, raw: unknown, files: UploadedFile[]): FakeMessage {
    const body = (raw ?? {}) as Body;
    if (body.content !== undefined) msg.content = body.content ?? '';
    if (body.embeds !== undefined) msg.embeds = body.embeds ?? [];
    if (body.components !== undefined) msg.components = body.components ?? [];
    if (body.flags !== undefined) msg.flags = (msg.flags & EPHEMERAL) | body.flags;
    msg.flags &= ~LOADING;
    const keep = body.attachments === undefined ? msg.attachments.map((a) => a.id) : body.attachments.map((a) => String(a.id));
    this.attach(msg, body, files, keep);
    hidden(msg, 'allowedMentions', body.allowed_mentions ?? msg.allowedMentions);
    msg.edited_timestamp = new Date().toISOString();
    return msg;
  }

  remove(msg: FakeMessage): void {
    this.byChannel.set(msg.channel_id, this.list(msg.channel_id).filter((m) => m !== msg));
  }

  private attach(msg: FakeMessage, body: Body, files: UploadedFile[], keepIds: string[]): void {
    const kept = msg.attachments.map((a, i) => ({ a, f: msg.files[i] as UploadedFile })).filter((x) => keepIds.includes(x.a.id));
    const added = files.map((file, index) => {
      const meta = body.attachments?.find((a) => String(a.id) === String(index));
      const id = snowflake();
      const filename = meta?.filename ?? file.name;
      this.files.set(id, file);
      const url = `${this.baseUrl()}/attachments/${msg.channel_id}/${id}/${encodeURIComponent(filename)}`;
      const a: APIAttachment = { id, filename, size: file.data.length, url, proxy_url: url, content_type: file.contentType };
      if (meta?.description !== undefined) a.description = meta.description;
      return { a, f: file };
    });
    msg.attachments = [...kept, ...added].map((x) => x.a);
    hidden(msg, 'files', [...kept, ...added].map((x) => x.f));
  }
}

function hidden(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, configurable: true, writable: false });
}
