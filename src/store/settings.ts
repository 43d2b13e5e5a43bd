// GuildSettingsStore: one settings row per server (digest channel, schedule, timezone, alert channel).
import type { Selectable } from 'kysely';
import type { StoreContext } from './context.js';
import type { GuildSettingsTable } from './schema.js';
import type { GuildSettings, GuildSettingsPatch } from './types.js';

export interface GuildSettingsStore {
  getGuildSettings(guildId: string): Promise<GuildSettings | undefined>;
  /** Creates the row (timezone defaulting to `defaultTimezone`) or applies the patch to it. */
  updateGuildSettings(guildId: string, patch: GuildSettingsPatch, now: number, defaultTimezone?: string): Promise<GuildSettings>;
  /** Servers with a digest channel and schedule that are not parked (for the digest scheduler). */
  listDigestSchedules(): Promise<GuildSettings[]>;
}

function toSettings(r: Selectable<GuildSettingsTable>): GuildSettings {
  return {
    guildId: r.guild_id,
    digestChannelId: r.digest_channel_id,
    digestSchedule: r.digest_schedule,
    timezone: r.timezone,
    lastDigestPeriodEnd: r.last_digest_period_end,
    digestParked: r.digest_parked,
    alertChannelId: r.alert_channel_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toColumns(patch: GuildSettingsPatch) {
  const columns: Partial<Selectable<GuildSettingsTable>> = {};
  if (patch.digestChannelId !== undefined) columns.digest_channel_id = patch.digestChannelId;
  if (patch.digestSchedule !== undefined) columns.digest_schedule = patch.digestSchedule;
  if (patch.timezone !== undefined) columns.timezone = patch.timezone;
  if (patch.lastDigestPeriodEnd !== undefined) columns.last_digest_period_end = patch.lastDigestPeriodEnd;
  if (patch.digestParked !== undefined) columns.digest_parked = patch.digestParked;
  if (patch.alertChannelId !== undefined) columns.alert_channel_id = patch.alertChannelId;
  return columns;
}

export function guildSettingsStore(ctx: StoreContext): GuildSettingsStore {
  const { db } = ctx;
  return {
    async getGuildSettings(guildId) {
      const row = await db.selectFrom('guild_settings').selectAll().where('guild_id', '=', guildId).executeTakeFirst();
      return row && toSettings(row);
    },
    async updateGuildSettings(guildId, patch, now, defaultTimezone = 'UTC') {
      const columns = toColumns(patch);
      const row = await ctx.run((d) =>
        d
          .insertInto('guild_settings')
          .values({ timezone: defaultTimezone, ...columns, guild_id: guildId, created_at: now, updated_at: now })
          .onConflict((oc) => oc.column('guild_id').doUpdateSet({ ...columns, updated_at: now }))
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      return toSettings(row);
    },
    async listDigestSchedules() {
      const rows = await db
        .selectFrom('guild_settings')
        .selectAll()
        .where('digest_channel_id', 'is not', null)
        .where('digest_schedule', 'is not', null)
        .where('digest_parked', 'is', null)
        .orderBy('guild_id')
        .execute();
      return rows.map(toSettings);
    },
  };
}
