// AlertStore: per-server alert rules and the events they fired (one per rule and event key).
import type { Selectable } from 'kysely';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import type { StoreContext } from './context.js';
import { parseJson, toBool } from './context.js';
import { enqueueIn } from './outbox.js';
import type { AlertRulesTable } from './schema.js';
import type { AlertEvent, AlertKind, AlertRule } from './types.js';

export interface NewAlertRule {
  guildId: string;
  channelId: string;
  kind: AlertKind;
  actor: string;
  outlet?: string | null;
  params: Record<string, unknown>;
  createdBy: string;
  now: number;
}

export interface AlertFiring {
  ruleId: number;
  /** Identifies the event within the rule (e.g. the article id, or the window end): fires once. */
  eventKey: string;
  firedAt: number;
  reason: string;
  /** The post to enqueue with the event, in the same transaction. */
  payload: unknown;
}

export interface AlertStore {
  addAlertRule(rule: NewAlertRule): Promise<AlertRule>;
  removeAlertRule(guildId: string, ruleId: number): Promise<boolean>;
  setAlertRuleEnabled(guildId: string, ruleId: number, enabled: boolean): Promise<boolean>;
  listAlertRules(guildId: string): Promise<AlertRule[]>;
  /** Enabled rules of every guild (for the evaluator). */
  listEnabledAlertRules(): Promise<AlertRule[]>;
  /** Records the event and enqueues its post atomically; `duplicate` when the event already fired. */
  fireAlert(firing: AlertFiring): Promise<Result<AlertEvent, 'duplicate' | 'unknown-rule'>>;
  listAlertEvents(guildId: string, limit: number): Promise<AlertEvent[]>;
  /** Alerts enqueued for a channel since `since` (per-channel rate limit). */
  countAlertsSince(channelId: string, since: number): Promise<number>;
}

function toRule(r: Selectable<AlertRulesTable>): AlertRule {
  return {
    id: r.id,
    guildId: r.guild_id,
    channelId: r.channel_id,
    kind: r.kind as AlertKind,
    actor: r.actor,
    outlet: r.outlet,
    params: parseJson<Record<string, unknown>>(r.params, {}),
    enabled: toBool(r.enabled),
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastFiredAt: r.last_fired_at,
  };
}

/** Inserts the event (unique per rule and key) and its outbox post in one transaction. */
function fireAlert(ctx: StoreContext, f: AlertFiring): Promise<Result<AlertEvent, 'duplicate' | 'unknown-rule'>> {
  return ctx.tx(async (trx) => {
    const rule = await trx.selectFrom('alert_rules').selectAll().where('id', '=', f.ruleId).executeTakeFirst();
    if (!rule) return err('unknown-rule' as const);
    const event = await trx
      .insertInto('alert_events')
      .values({ rule_id: f.ruleId, event_key: f.eventKey, fired_at: f.firedAt, reason: f.reason })
      .onConflict((oc) => oc.columns(['rule_id', 'event_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!event) return err('duplicate' as const);
    const { item } = await enqueueIn(trx, {
      kind: 'alert',
      guildId: rule.guild_id,
      channelId: rule.channel_id,
      dedupeKey: `alert:${f.ruleId}:${f.eventKey}`,
      payload: f.payload,
      now: f.firedAt,
    });
    await trx.updateTable('alert_events').set({ outbox_id: item.id }).where('id', '=', event.id).execute();
    await trx.updateTable('alert_rules').set({ last_fired_at: f.firedAt }).where('id', '=', f.ruleId).execute();
    return ok({ id: event.id, ruleId: f.ruleId, eventKey: f.eventKey, firedAt: f.firedAt, reason: f.reason, outboxId: item.id });
  });
}

export function alertStore(ctx: StoreContext): AlertStore {
  const { db } = ctx;
  return {
    async addAlertRule(rule) {
      const row = await ctx.run((d) =>
        d
          .insertInto('alert_rules')
          .values({
            guild_id: rule.guildId,
            channel_id: rule.channelId,
            kind: rule.kind,
            actor: rule.actor,
            outlet: rule.outlet ?? null,
            params: JSON.stringify(rule.params),
            enabled: 1,
            created_by: rule.createdBy,
            created_at: rule.now,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toRule(row);
    },
    async removeAlertRule(guildId, ruleId) {
      const result = await ctx.run((d) => d.deleteFrom('alert_rules').where('guild_id', '=', guildId).where('id', '=', ruleId).executeTakeFirst());
      return Number(result.numDeletedRows) > 0;
    },
    async setAlertRuleEnabled(guildId, ruleId, enabled) {
      const result = await ctx.run((d) =>
        d.updateTable('alert_rules').set({ enabled: enabled ? 1 : 0 }).where('guild_id', '=', guildId).where('id', '=', ruleId).executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
    async listAlertRules(guildId) {
      const rows = await db.selectFrom('alert_rules').selectAll().where('guild_id', '=', guildId).orderBy('id').execute();
      return rows.map(toRule);
    },
    async listEnabledAlertRules() {
      const rows = await db.selectFrom('alert_rules').selectAll().where('enabled', '=', 1).orderBy('id').execute();
      return rows.map(toRule);
    },
    fireAlert: (f) => fireAlert(ctx, f),
    async listAlertEvents(guildId, limit) {
      const rows = await db
        .selectFrom('alert_events as e')
        .innerJoin('alert_rules as r', 'r.id', 'e.rule_id')
        .selectAll('e')
        .where('r.guild_id', '=', guildId)
        .orderBy('e.fired_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((e) => ({ id: e.id, ruleId: e.rule_id, eventKey: e.event_key, firedAt: e.fired_at, reason: e.reason, outboxId: e.outbox_id }));
    },
    async countAlertsSince(channelId, since) {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'alert')
        .where('channel_id', '=', channelId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
