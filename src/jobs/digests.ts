// The digest scheduler (a worker step): for every server with a digest channel and schedule that is not
// parked, find the period that is due (src/core/digest-schedule.ts `dueSlot`: after downtime, ONE period
// covering the whole gap), build the digest and enqueue it. The outbox key is unique per (channel, period), and
// the same transaction advances the server's last period end, so a second worker (or a retry after a crash)
// enqueues nothing more. A job lease keeps the other workers from building the same digests meanwhile.
import type { Logger } from 'pino';
import { buildDigest } from '../core/digest.js';
import type { Period } from '../core/digest-types.js';
import { dueSlot, initialPeriodEnd, parseDigestSchedule } from '../core/digest-schedule.js';
import type { DigestPayload } from '../core/outbox-payloads.js';
import { validateTimeZone } from '../core/tz.js';
import type { GuildSettings, Store } from '../store/index.js';
import { loadDigestInput } from './digest-input.js';
import type { WorkerStep } from './worker.js';

export const DIGEST_LEASE = 'digest-scheduler';

export interface DigestComposeOptions {
  articlesPerActor: number;
}

export interface DigestStepDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  /** Lease owner (unique per process). */
  owner: string;
  options: DigestComposeOptions;
  /** How long the scheduler lease is held at most (released when the step ends). Default 5 min. */
  leaseMs?: number;
}

export interface DigestRunReport {
  checked: number;
  enqueued: number;
  /** Another worker holds the scheduler lease. */
  skipped: boolean;
}

/** Builds the digest of one server for `period` as an outbox payload. */
export async function composeDigest(store: Store, guildId: string, period: Period, timeZone: string, trigger: DigestPayload['trigger'], o: DigestComposeOptions): Promise<DigestPayload> {
  const actors = await store.listWatchedActors(guildId);
  const input = await loadDigestInput(store, { guildId, period, timeZone, actors, articlesPerActor: o.articlesPerActor, newOnly: true, stories: true });
  return { type: 'digest', digest: buildDigest(input), timeZone, trigger };
}

/** The server's zone, falling back to UTC when the stored one is no longer known to the runtime. */
export function zoneOf(settings: GuildSettings): string {
  const tz = validateTimeZone(settings.timezone);
  return tz.ok ? tz.value : 'UTC';
}

async function runOne(settings: GuildSettings, deps: DigestStepDeps, log: Logger): Promise<boolean> {
  const schedule = parseDigestSchedule(settings.digestSchedule ?? '');
  const channelId = settings.digestChannelId;
  if (!schedule.ok || channelId === null) {
    log.warn({ guildId: settings.guildId, schedule: settings.digestSchedule }, 'digest schedule unreadable, skipped');
    return false;
  }
  const tz = zoneOf(settings);
  const now = deps.now();
  if (settings.lastDigestPeriodEnd === null) {
    await deps.store.updateGuildSettings(settings.guildId, { lastDigestPeriodEnd: initialPeriodEnd(schedule.value, tz, now) }, now);
    return false;
  }
  const due = dueSlot(schedule.value, tz, settings.lastDigestPeriodEnd, now);
  if (due === null) return false;
  const period = { from: due.periodStart, to: due.periodEnd };
  const payload = await composeDigest(deps.store, settings.guildId, period, tz, 'scheduled', deps.options);
  const { item, created } = await deps.store.enqueueDigest({
    guildId: settings.guildId, channelId, periodStart: due.periodStart, periodEnd: due.periodEnd, payload, now,
  });
  log.info({ guildId: settings.guildId, channelId, outboxId: item.id, created, ...due, articles: payload.digest.articles }, 'digest enqueued');
  return created;
}

/** One scheduler pass; safe to run from any number of workers at once. */
export async function runDigestScheduler(deps: DigestStepDeps, stopping: () => boolean = () => false): Promise<DigestRunReport> {
  const log = deps.logger;
  const leaseMs = deps.leaseMs ?? 5 * 60_000;
  if (!(await deps.store.acquireLease(DIGEST_LEASE, deps.owner, deps.now(), leaseMs))) return { checked: 0, enqueued: 0, skipped: true };
  const report: DigestRunReport = { checked: 0, enqueued: 0, skipped: false };
  try {
    for (const settings of await deps.store.listDigestSchedules()) {
      if (stopping()) break;
      report.checked++;
      try {
        if (await runOne(settings, deps, log)) report.enqueued++;
      } catch (error) {
        log.error({ err: error, guildId: settings.guildId }, 'digest scheduling failed');
      }
    }
  } finally {
    await deps.store.releaseLease(DIGEST_LEASE, deps.owner);
  }
  return report;
}

export function digestStep(deps: DigestStepDeps): WorkerStep {
  return { name: 'digests', run: (stopping) => runDigestScheduler({ ...deps, logger: deps.logger.child({ module: 'digests' }) }, stopping) };
}
