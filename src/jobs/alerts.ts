// The alert evaluator (a worker step): per server, evaluate the enabled rules (src/core/alerts.ts) over the
// stored observations, then record each event once (unique per rule and event key) together with its outbox
// post, at most `maxPerChannelPerHour` per channel. Events are re-derived from the data on every pass over the
// last `horizon` of ticks, so an event held back by the rate limit (or by a crash) fires on a later pass, and
// one that already fired is a no-op. A job lease keeps two workers from interleaving their rate-limit checks.
import type { Logger } from 'pino';
import { DEFAULT_ALERT_OPTIONS, evaluateRules, rateLimitDecision, type AlertEvent, type AlertOptions, type Observation } from '../core/alerts.js';
import type { AlertPayload } from '../core/outbox-payloads.js';
import type { AlertRule, Store } from '../store/index.js';
import { lookbackMs, toCoreRule } from './alert-rules.js';
import type { WorkerStep } from './worker.js';

export const ALERT_LEASE = 'alert-evaluator';
const HOUR = 3_600_000;

export interface AlertStepDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  owner: string;
  maxPerChannelPerHour: number;
  options?: Partial<AlertOptions>;
  leaseMs?: number;
}

export interface AlertRunReport {
  rules: number;
  events: number;
  fired: number;
  duplicates: number;
  rateLimited: number;
  skipped: boolean;
}

function byGuild(rules: AlertRule[]): Map<string, AlertRule[]> {
  const out = new Map<string, AlertRule[]>();
  for (const r of rules) out.set(r.guildId, [...(out.get(r.guildId) ?? []), r]);
  return out;
}

async function observations(store: Store, guildId: string, actors: string[], from: number): Promise<Observation[]> {
  const rows = await store.alertObservations({ guildId, actors, from });
  return rows.map((r) => ({
    articleId: r.articleId, actor: r.actor, outlet: r.outlet, title: r.title, published: r.publishedAt,
    analysedAt: r.analysedAt, score: r.score, ...(r.link === null ? {} : { link: r.link }),
  }));
}

function payloadOf(event: AlertEvent, ruleId: number): AlertPayload {
  return { type: 'alert', ruleId, kind: event.kind, actor: event.actor, reason: event.reason, at: event.at, ...(event.link ? { link: event.link } : {}) };
}

async function fire(event: AlertEvent, rule: AlertRule, deps: AlertStepDeps, report: AlertRunReport): Promise<void> {
  const now = deps.now();
  const sent = await deps.store.alertTimesSince(rule.channelId, now - HOUR);
  const decision = rateLimitDecision(sent, now, deps.maxPerChannelPerHour);
  if (!decision.allowed) {
    report.rateLimited++;
    deps.logger.info({ ruleId: rule.id, channelId: rule.channelId, eventKey: event.eventKey, retryAt: decision.retryAt }, 'alert held back by the channel rate limit');
    return;
  }
  const result = await deps.store.fireAlert({ ruleId: rule.id, eventKey: event.eventKey, firedAt: now, reason: event.reason, payload: payloadOf(event, rule.id) });
  if (result.ok) {
    report.fired++;
    deps.logger.info({ ruleId: rule.id, channelId: rule.channelId, eventKey: event.eventKey, outboxId: result.value.outboxId }, 'alert fired');
  } else if (result.error === 'duplicate') report.duplicates++;
}

async function evaluateGuild(guildId: string, rules: AlertRule[], deps: AlertStepDeps, report: AlertRunReport): Promise<void> {
  const o = { ...DEFAULT_ALERT_OPTIONS, ...deps.options };
  const horizon = o.stepMs * o.maxTicks;
  const now = deps.now();
  const core = rules.map(toCoreRule);
  const obs = await observations(deps.store, guildId, [...new Set(rules.map((r) => r.actor))], now - lookbackMs(core, horizon));
  const events = evaluateRules(core, { now, lastEvaluatedAt: now - horizon, observations: obs }, o);
  report.events += events.length;
  const byId = new Map(rules.map((r) => [String(r.id), r]));
  for (const event of events) {
    const rule = byId.get(event.ruleId);
    if (rule) await fire(event, rule, deps, report);
  }
}

/** One evaluation pass over every server's enabled rules. */
export async function runAlertEvaluator(deps: AlertStepDeps, stopping: () => boolean = () => false): Promise<AlertRunReport> {
  const report: AlertRunReport = { rules: 0, events: 0, fired: 0, duplicates: 0, rateLimited: 0, skipped: false };
  if (!(await deps.store.acquireLease(ALERT_LEASE, deps.owner, deps.now(), deps.leaseMs ?? 5 * 60_000))) return { ...report, skipped: true };
  try {
    const rules = await deps.store.listEnabledAlertRules();
    report.rules = rules.length;
    for (const [guildId, guildRules] of byGuild(rules)) {
      if (stopping()) break;
      try {
        await evaluateGuild(guildId, guildRules, deps, report);
      } catch (error) {
        deps.logger.error({ err: error, guildId }, 'alert evaluation failed');
      }
    }
  } finally {
    await deps.store.releaseLease(ALERT_LEASE, deps.owner);
  }
  return report;
}

export function alertStep(deps: AlertStepDeps): WorkerStep {
  return { name: 'alerts', run: (stopping) => runAlertEvaluator({ ...deps, logger: deps.logger.child({ module: 'alerts' }) }, stopping) };
}
