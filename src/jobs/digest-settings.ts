// Digest settings per server (/digest channel, /digest schedule): validation, defaults and the period
// bookkeeping that keeps a new or changed schedule from posting at once or re-posting a covered period.
import {
  describeSchedule, initialPeriodEnd, nextSlotAfter, parseDigestSchedule, type DigestSchedule,
} from '../core/digest-schedule.js';
import { err, ok, type Result } from '../core/result.js';
import { validateTimeZone } from '../core/tz.js';
import type { GuildSettings, Store } from '../store/index.js';
import { zoneOf } from './digests.js';

export interface DigestSettingsView {
  channelId: string | null;
  /** Normalised schedule ("daily 09:00", "weekly mon 08:30" or a cron expression); null when unset. */
  schedule: string | null;
  timeZone: string;
  /** "daily 09:00 (Europe/London)". */
  description: string | null;
  /** Why digests are paused (channel lost); null when active. */
  parked: string | null;
  lastPeriodEnd: number | null;
  /** When the next scheduled digest is due; null without a channel or schedule, or while parked. */
  nextDigestAt: number | null;
}

export interface DigestSettingsApi {
  digestSettings(guildId: string): Promise<DigestSettingsView>;
  /** Sets the channel (un-parks digests); a server without a schedule gets the default one. */
  setDigestChannel(guildId: string, channelId: string): Promise<DigestSettingsView>;
  /** Validates and sets the schedule (and zone); errors are sentences for the user. */
  setDigestSchedule(guildId: string, when: string, timeZone?: string): Promise<Result<DigestSettingsView, string>>;
}

export interface DigestSettingsDeps {
  store: Store;
  now: () => number;
  /** Schedule and zone a server gets when it sets a channel first (config digest.defaultSchedule/defaultTimezone). */
  defaultSchedule: string;
  defaultTimezone: string;
}

function view(s: GuildSettings | undefined, deps: DigestSettingsDeps): DigestSettingsView {
  const timeZone = s ? zoneOf(s) : deps.defaultTimezone;
  const parsed = s?.digestSchedule ? parseDigestSchedule(s.digestSchedule) : null;
  const schedule = parsed?.ok ? parsed.value : null;
  const active = schedule !== null && s?.digestChannelId && !s.digestParked;
  return {
    channelId: s?.digestChannelId ?? null,
    schedule: schedule?.text ?? null,
    timeZone,
    description: schedule ? describeSchedule(schedule, timeZone) : null,
    parked: s?.digestParked ?? null,
    lastPeriodEnd: s?.lastDigestPeriodEnd ?? null,
    nextDigestAt: active ? nextSlotAfter(schedule, timeZone, Math.max(deps.now(), s?.lastDigestPeriodEnd ?? 0)) : null,
  };
}

/** Where the next period starts: never before what was already covered, never a backlog of missed slots. */
function periodStart(existing: number | null, schedule: DigestSchedule, tz: string, now: number): number {
  const initial = initialPeriodEnd(schedule, tz, now);
  return existing === null ? initial : Math.max(existing, initial);
}

export function digestSettingsApi(deps: DigestSettingsDeps): DigestSettingsApi {
  const { store } = deps;
  const get = (guildId: string) => store.getGuildSettings(guildId);
  return {
    digestSettings: async (guildId) => view(await get(guildId), deps),
    async setDigestChannel(guildId, channelId) {
      const now = deps.now();
      const current = await get(guildId);
      const tz = current ? zoneOf(current) : deps.defaultTimezone;
      const kept = current?.digestSchedule ? parseDigestSchedule(current.digestSchedule) : null;
      const schedule = kept?.ok ? kept : parseDigestSchedule(deps.defaultSchedule);
      const patch = { digestChannelId: channelId, digestParked: null, ...(schedule.ok ? {
        digestSchedule: schedule.value.text,
        lastDigestPeriodEnd: periodStart(current?.lastDigestPeriodEnd ?? null, schedule.value, tz, now),
      } : {}) };
      return view(await store.updateGuildSettings(guildId, patch, now, deps.defaultTimezone), deps);
    },
    async setDigestSchedule(guildId, when, timeZone) {
      const schedule = parseDigestSchedule(when);
      if (!schedule.ok) return err(schedule.error);
      const current = await get(guildId);
      const zone = timeZone === undefined ? ok(current ? zoneOf(current) : deps.defaultTimezone) : validateTimeZone(timeZone);
      if (!zone.ok) return err(zone.error);
      const now = deps.now();
      const updated = await store.updateGuildSettings(guildId, {
        digestSchedule: schedule.value.text, timezone: zone.value,
        lastDigestPeriodEnd: periodStart(current?.lastDigestPeriodEnd ?? null, schedule.value, zone.value, now),
      }, now, deps.defaultTimezone);
      return ok(view(updated, deps));
    },
  };
}
