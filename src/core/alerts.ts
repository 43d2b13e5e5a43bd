// Alert rules, evaluated purely from observations (one article's stance toward one actor) at the instant
// passed in. Window rules are checked on a fixed grid of ticks (every `stepMs`, aligned to the epoch) and fire
// on an edge: the condition is true at a tick and was not true at the latest earlier tick where it could be
// judged (a stance window with too few articles is neither side, and is skipped). When no earlier tick within
// `maxTicks` could be judged (an actor that was quiet), the first judged tick that is past the threshold is the
// edge and fires. At tick t an observation counts only if it was analysed by t, so re-evaluating a past tick
// always gives the same answer and an event's key is stable: store it with a unique constraint and each event is
// posted once.
import { signed } from './signed.js';
import { formatDuration } from './durations.js';

export type AlertRule = StanceRule | VolumeRule | ArticleRule;

interface RuleBase {
  id: string;
  actor: string;
  /** Epoch ms; nothing before it fires. */
  createdAt: number;
}

/** Mean stance toward `actor` over the trailing window crosses above/below `threshold`. */
export interface StanceRule extends RuleBase {
  kind: 'stance';
  direction: 'above' | 'below';
  threshold: number;
  windowMs: number;
  /** Windows with fewer articles have no mean (neither side of the threshold). */
  minArticles: number;
}

/** Mentions of `actor` in the trailing window exceed mean + k·sd of the `baselineWindows` windows before. */
export interface VolumeRule extends RuleBase {
  kind: 'volume';
  windowMs: number;
  baselineWindows: number;
  k: number;
  minCount: number;
}

/** An article (from `outlet`, if given) with stance toward `actor` at least `threshold` strong. */
export interface ArticleRule extends RuleBase {
  kind: 'article';
  direction: 'negative' | 'positive';
  /** In (0, 1]: negative fires at score ≤ -threshold, positive at score ≥ threshold. */
  threshold: number;
  outlet?: string;
}

export interface Observation {
  articleId: string;
  actor: string;
  outlet: string;
  title: string;
  link?: string;
  /** When the outlet published it (windows are over this). */
  published: number;
  /** When it was analysed and stored (what was known at a tick). */
  analysedAt: number;
  score: number;
}

export interface AlertSnapshot {
  now: number;
  /** `now` of the previous evaluation; null on the first. */
  lastEvaluatedAt: number | null;
  observations: Observation[];
}

export interface AlertEvent {
  eventKey: string;
  ruleId: string;
  kind: AlertRule['kind'];
  actor: string;
  /** The tick (window rules) or the analysis time (article rule) the event belongs to. */
  at: number;
  reason: string;
  link?: string;
}

export interface AlertOptions {
  /** Grid of window-rule ticks. */
  stepMs: number;
  /** At most this many ticks are evaluated at once (after downtime, only the latest). */
  maxTicks: number;
}

export const DEFAULT_ALERT_OPTIONS: AlertOptions = { stepMs: 3_600_000, maxTicks: 24 };

/** Ticks in (since, now], oldest first, at most `maxTicks`. */
export function ticksBetween(since: number, now: number, o: AlertOptions): number[] {
  const last = Math.floor(now / o.stepMs) * o.stepMs;
  const ticks: number[] = [];
  for (let t = last; t > since && ticks.length < o.maxTicks; t -= o.stepMs) ticks.push(t);
  return ticks.reverse();
}

function known(obs: Observation[], actor: string, t: number, from: number, to: number): Observation[] {
  return obs.filter((o) => o.actor === actor && o.analysedAt <= t && o.published >= from && o.published < to);
}

interface Verdict {
  hit: boolean | null;
  describe: () => string;
}

function stanceAt(rule: StanceRule, obs: Observation[], t: number): Verdict & { mean: number | null; n: number } {
  const inWindow = known(obs, rule.actor, t, t - rule.windowMs, t);
  const n = inWindow.length;
  const mean = n >= rule.minArticles && n > 0 ? inWindow.reduce((s, o) => s + o.score, 0) / n : null;
  const hit = mean === null ? null : rule.direction === 'above' ? mean > rule.threshold : mean < rule.threshold;
  const verb = rule.direction === 'above' ? 'rose above' : 'fell below';
  return {
    hit, mean, n,
    describe: () => `Mean stance toward ${rule.actor} over the last ${formatDuration(rule.windowMs)} ${verb} `
      + `${signed(rule.threshold)}: now ${signed(mean ?? 0)} from ${n} ${n === 1 ? 'article' : 'articles'}`,
  };
}

function volumeAt(rule: VolumeRule, obs: Observation[], t: number): Verdict {
  const w = rule.windowMs;
  const count = known(obs, rule.actor, t, t - w, t).length;
  const base = Array.from({ length: rule.baselineWindows }, (_, i) => known(obs, rule.actor, t, t - (i + 2) * w, t - (i + 1) * w).length);
  const mean = base.reduce((s, c) => s + c, 0) / Math.max(1, base.length);
  const sd = Math.sqrt(base.reduce((s, c) => s + (c - mean) ** 2, 0) / Math.max(1, base.length));
  const limit = mean + rule.k * Math.max(sd, Math.sqrt(Math.max(mean, 1)));
  return {
    hit: count >= rule.minCount && count > limit,
    describe: () => `${rule.actor} was mentioned in ${count} articles in the last ${formatDuration(w)}, against `
      + `${mean.toFixed(1)} ± ${sd.toFixed(1)} in the ${rule.baselineWindows} windows before (spike above ${limit.toFixed(1)})`,
  };
}

/** The verdict at the latest earlier tick that had one (a stance window may lack enough articles), null if none. */
function previousHit(at: (t: number) => Verdict, t: number, o: AlertOptions): boolean | null {
  for (let i = 1; i <= o.maxTicks; i++) {
    const hit = at(t - i * o.stepMs).hit;
    if (hit !== null) return hit;
  }
  return null;
}

function edgeEvents(rule: StanceRule | VolumeRule, snap: AlertSnapshot, o: AlertOptions): AlertEvent[] {
  const since = Math.max(snap.lastEvaluatedAt ?? rule.createdAt, rule.createdAt);
  const at = (t: number): Verdict => (rule.kind === 'stance' ? stanceAt(rule, snap.observations, t) : volumeAt(rule, snap.observations, t));
  const events: AlertEvent[] = [];
  for (const t of ticksBetween(since, snap.now, o)) {
    const now = at(t);
    // A first judgement past the threshold (nothing judged before) is a crossing too.
    if (now.hit !== true || previousHit(at, t, o) === true) continue;
    const tag = rule.kind === 'stance' ? `stance-${rule.direction}` : 'volume';
    events.push({
      eventKey: `alert:${rule.id}:${tag}:${new Date(t).toISOString()}`, ruleId: rule.id, kind: rule.kind,
      actor: rule.actor, at: t, reason: `${now.describe()}.`,
    });
  }
  return events;
}

function articleEvents(rule: ArticleRule, snap: AlertSnapshot): AlertEvent[] {
  const since = Math.max(snap.lastEvaluatedAt ?? rule.createdAt, rule.createdAt);
  const outlet = rule.outlet?.toLowerCase();
  const strong = (s: number): boolean => (rule.direction === 'negative' ? s <= -rule.threshold : s >= rule.threshold);
  const bound = rule.direction === 'negative' ? `≤ ${signed(-rule.threshold)}` : `≥ ${signed(rule.threshold)}`;
  return snap.observations
    .filter((ob) => ob.actor === rule.actor && ob.analysedAt > since && ob.analysedAt <= snap.now && strong(ob.score)
      && (outlet === undefined || ob.outlet.toLowerCase() === outlet))
    .sort((a, b) => a.analysedAt - b.analysedAt || a.articleId.localeCompare(b.articleId))
    .map((ob) => ({
      eventKey: `alert:${rule.id}:article:${ob.articleId}`, ruleId: rule.id, kind: 'article' as const,
      actor: rule.actor, at: ob.analysedAt, link: ob.link,
      reason: `${ob.outlet} published a strongly ${rule.direction} article about ${rule.actor} `
        + `(stance ${signed(ob.score)} ${bound}): "${ob.title}".`,
    }));
}

/** Events of one rule between the previous evaluation and `snap.now`, oldest first. */
export function evaluateRule(rule: AlertRule, snap: AlertSnapshot, options: Partial<AlertOptions> = {}): AlertEvent[] {
  const o = { ...DEFAULT_ALERT_OPTIONS, ...options };
  return rule.kind === 'article' ? articleEvents(rule, snap) : edgeEvents(rule, snap, o);
}

/** Events of all rules, oldest first. */
export function evaluateRules(rules: AlertRule[], snap: AlertSnapshot, options: Partial<AlertOptions> = {}): AlertEvent[] {
  return rules.flatMap((r) => evaluateRule(r, snap, options)).sort((a, b) => a.at - b.at || a.eventKey.localeCompare(b.eventKey));
}

export type RateDecision = { allowed: true } | { allowed: false; retryAt: number };

/** Whether a channel that posted at `sentAt` may post again at `now`, allowing `perHour` (≥ 1) posts in any hour. */
export function rateLimitDecision(sentAt: number[], now: number, perHour: number): RateDecision {
  const hour = 3_600_000;
  const limit = Math.max(1, Math.floor(perHour));
  const recent = sentAt.filter((t) => t > now - hour && t <= now).sort((a, b) => a - b);
  if (recent.length < limit) return { allowed: true };
  return { allowed: false, retryAt: (recent[recent.length - limit] as number) + hour };
}
