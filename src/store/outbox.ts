// OutboxStore: intent to post is recorded first (unique dedupe key), then claimed, sent and confirmed.
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db, StoreContext } from './context.js';
import { parseJson } from './context.js';
import type { OutboxTable } from './schema.js';
import type { OutboxItem, OutboxKind, OutboxStatus } from './types.js';

export interface NewOutboxItem {
  kind: OutboxKind;
  guildId: string;
  channelId: string;
  /** Unique per intended post, e.g. `digest:<channel>:<periodStart>:<periodEnd>`. */
  dedupeKey: string;
  payload: unknown;
  now: number;
}

export interface NewDigest {
  guildId: string;
  channelId: string;
  periodStart: number;
  periodEnd: number;
  payload: unknown;
  now: number;
}

export interface OutboxStore {
  /** Idempotent on dedupeKey: a second call returns the existing item with `created: false`. */
  enqueue(item: NewOutboxItem): Promise<{ item: OutboxItem; created: boolean }>;
  /** Enqueues the digest of (channel, period), records the digest run and advances lastDigestPeriodEnd, atomically. */
  enqueueDigest(digest: NewDigest): Promise<{ item: OutboxItem; created: boolean }>;
  /** Leases due items: pending/failed whose next attempt is due, and `sending` ones whose lease expired. */
  claimDueOutbox(request: { owner: string; now: number; leaseMs: number; limit: number }): Promise<OutboxItem[]>;
  /** Before posting: status `sending`, one more attempt. false when the lease was lost. */
  markSending(id: number, owner: string): Promise<boolean>;
  markSent(id: number, messageIds: string[], now: number): Promise<void>;
  markFailed(id: number, error: string, retryAt: number): Promise<void>;
  park(id: number, reason: string): Promise<void>;
  getOutboxItem(id: number): Promise<OutboxItem | undefined>;
  listOutbox(guildId: string, limit: number): Promise<OutboxItem[]>;
  countOutbox(): Promise<Record<OutboxStatus, number>>;
}

export function toOutboxItem(r: Selectable<OutboxTable>): OutboxItem {
  return {
    id: r.id,
    kind: r.kind as OutboxKind,
    guildId: r.guild_id,
    channelId: r.channel_id,
    dedupeKey: r.dedupe_key,
    payload: parseJson<unknown>(r.payload, null),
    status: r.status as OutboxStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    nonce: r.nonce,
    messageIds: parseJson<string[]>(r.message_ids, []),
    lastError: r.last_error,
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/** Inserts unless the dedupe key exists; usable inside a caller's transaction. */
export async function enqueueIn(db: Db, item: NewOutboxItem): Promise<{ item: OutboxItem; created: boolean }> {
  const inserted = await db
    .insertInto('outbox')
    .values({
      kind: item.kind,
      guild_id: item.guildId,
      channel_id: item.channelId,
      dedupe_key: item.dedupeKey,
      payload: JSON.stringify(item.payload ?? null),
      status: 'pending',
      attempts: 0,
      next_attempt_at: item.now,
      nonce: randomBytes(12).toString('hex'),
      message_ids: '[]',
      created_at: item.now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { item: toOutboxItem(inserted), created: true };
  const existing = await db.selectFrom('outbox').selectAll().where('dedupe_key', '=', item.dedupeKey).executeTakeFirstOrThrow();
  return { item: toOutboxItem(existing), created: false };
}

const unleased = { lease_owner: null, lease_until: null } as const;

export function outboxStore(ctx: StoreContext): OutboxStore {
  const { db } = ctx;
  const set = async (id: number, values: Partial<Selectable<OutboxTable>>) => {
    await ctx.run((d) => d.updateTable('outbox').set(values).where('id', '=', id).execute());
  };
  return {
    enqueue: (item) => ctx.tx((trx) => enqueueIn(trx, item)),
    enqueueDigest: (d) =>
      ctx.tx(async (trx) => {
        const dedupeKey = `digest:${d.channelId}:${d.periodStart}:${d.periodEnd}`;
        const result = await enqueueIn(trx, { kind: 'digest', guildId: d.guildId, channelId: d.channelId, dedupeKey, payload: d.payload, now: d.now });
        if (!result.created) return result;
        await trx
          .insertInto('digest_runs')
          .values({ guild_id: d.guildId, channel_id: d.channelId, period_start: d.periodStart, period_end: d.periodEnd, outbox_id: result.item.id, created_at: d.now })
          .execute();
        await trx
          .updateTable('guild_settings')
          .set({ last_digest_period_end: d.periodEnd, updated_at: d.now })
          .where('guild_id', '=', d.guildId)
          .where((eb) => eb.or([eb('last_digest_period_end', 'is', null), eb('last_digest_period_end', '<', d.periodEnd)]))
          .execute();
        return result;
      }),
    async claimDueOutbox({ owner, now, leaseMs, limit }) {
      const due = (d: Db) => {
        const query = d
          .selectFrom('outbox')
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', 'in', ['pending', 'failed']), eb('next_attempt_at', '<=', now), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)])]),
              eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
            ]),
          )
          .orderBy('next_attempt_at')
          .limit(limit);
        return ctx.dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
      };
      const rows = await ctx.run((d) =>
        d.updateTable('outbox').set({ lease_owner: owner, lease_until: now + leaseMs }).where('id', 'in', due(d)).returningAll().execute(),
      );
      return rows.map(toOutboxItem).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id);
    },
    async markSending(id, owner) {
      const result = await ctx.run((d) =>
        d
          .updateTable('outbox')
          .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1) }))
          .where('id', '=', id)
          .where('lease_owner', '=', owner)
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
    markSent: (id, messageIds, now) => set(id, { status: 'sent', message_ids: JSON.stringify(messageIds), sent_at: now, last_error: null, ...unleased }),
    markFailed: (id, error, retryAt) => set(id, { status: 'failed', last_error: error, next_attempt_at: retryAt, ...unleased }),
    park: (id, reason) => set(id, { status: 'parked', last_error: reason, ...unleased }),
    async getOutboxItem(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toOutboxItem(row);
    },
    async listOutbox(guildId, limit) {
      const rows = await db.selectFrom('outbox').selectAll().where('guild_id', '=', guildId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toOutboxItem);
    },
    async countOutbox() {
      const rows = await db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, parked: 0 };
      for (const r of rows) counts[r.status as OutboxStatus] = Number(r.n);
      return counts;
    },
  };
}
