// Alert rules as users give them (/alerts add) -> validated stored parameters -> the rules src/core/alerts.ts
// evaluates, and a one-line description for /alerts list.
import { DEFAULT_ALERT_OPTIONS, type AlertRule as CoreRule } from '../core/alerts.js';
import { signed } from '../core/signed.js';
import { formatDuration, parseDuration } from '../core/durations.js';
import { err, ok, type Result } from '../core/result.js';
import type { AlertRule as StoredRule } from '../store/index.js';

const HOUR = 3_600_000;
const MAX_WINDOW = 30 * 24 * HOUR;

interface RuleTarget {
  guildId: string;
  channelId: string;
  createdBy: string;
  actor: string;
}

export type AlertRuleInput = RuleTarget & (
  | { kind: 'stance'; direction: 'above' | 'below'; threshold: number; window: string; minArticles?: number }
  | { kind: 'volume'; window: string; k?: number; baselineWindows?: number; minCount?: number }
  | { kind: 'article'; direction: 'negative' | 'positive'; threshold: number; outlet?: string }
);

export interface AlertRuleView {
  id: number;
  kind: StoredRule['kind'];
  actor: string;
  channelId: string;
  enabled: boolean;
  lastFiredAt: number | null;
  /** "stance toward Russia below −0.30 over 24 h (at least 3 articles)". */
  description: string;
  /** When the rule is checked and when it fires, for the /alerts add confirmation. */
  checks: string;
}

export interface ValidRule {
  params: Record<string, unknown>;
  outlet: string | null;
}

function window(text: string): Result<number, string> {
  const ms = parseDuration(text);
  if (!ms.ok) return ms;
  if (ms.value < HOUR || ms.value > MAX_WINDOW) return err('the window must be between 1h and 30d');
  return ms;
}

/** Checks the options of /alerts add and returns what is stored; errors are sentences for the user. */
export function validateRule(input: AlertRuleInput): Result<ValidRule, string> {
  if (input.kind === 'stance') {
    if (!(input.threshold > -1 && input.threshold < 1)) return err('the threshold is a stance between -1 and +1 (exclusive), e.g. -0.3');
    const w = window(input.window);
    if (!w.ok) return w;
    const minArticles = Math.max(1, Math.floor(input.minArticles ?? 3));
    return ok({ outlet: null, params: { direction: input.direction, threshold: input.threshold, windowMs: w.value, minArticles } });
  }
  if (input.kind === 'volume') {
    const w = window(input.window);
    if (!w.ok) return w;
    const k = input.k ?? 3;
    if (!(k > 0 && k <= 10)) return err('the spike factor k must be above 0 and at most 10');
    const params = { windowMs: w.value, baselineWindows: Math.max(2, Math.floor(input.baselineWindows ?? 7)), k, minCount: Math.max(1, Math.floor(input.minCount ?? 5)) };
    return ok({ outlet: null, params });
  }
  if (!(input.threshold > 0 && input.threshold <= 1)) return err('the threshold is a stance strength above 0 and at most 1, e.g. 0.6');
  const outlet = input.outlet?.trim() || null;
  return ok({ outlet, params: { direction: input.direction, threshold: input.threshold } });
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The stored rule as src/core/alerts.ts evaluates it. */
export function toCoreRule(r: StoredRule): CoreRule {
  const p = r.params;
  const base = { id: String(r.id), actor: r.actor, createdAt: r.createdAt };
  if (r.kind === 'stance') {
    return { ...base, kind: 'stance', direction: p['direction'] === 'above' ? 'above' : 'below', threshold: num(p['threshold'], 0), windowMs: num(p['windowMs'], 24 * HOUR), minArticles: num(p['minArticles'], 3) };
  }
  if (r.kind === 'volume') {
    return { ...base, kind: 'volume', windowMs: num(p['windowMs'], 24 * HOUR), baselineWindows: num(p['baselineWindows'], 7), k: num(p['k'], 3), minCount: num(p['minCount'], 5) };
  }
  return { ...base, kind: 'article', direction: p['direction'] === 'positive' ? 'positive' : 'negative', threshold: num(p['threshold'], 0.6), ...(r.outlet ? { outlet: r.outlet } : {}) };
}

export function describeRule(r: StoredRule): string {
  const rule = toCoreRule(r);
  if (rule.kind === 'stance') {
    return `stance toward ${rule.actor} ${rule.direction} ${signed(rule.threshold)} over ${formatDuration(rule.windowMs)} (at least ${rule.minArticles} articles)`;
  }
  if (rule.kind === 'volume') {
    return `volume spike for ${rule.actor}: mentions in ${formatDuration(rule.windowMs)} above mean + ${rule.k}·sd of the ${rule.baselineWindows} windows before (at least ${rule.minCount})`;
  }
  const bound = rule.direction === 'negative' ? `≤ ${signed(-rule.threshold)}` : `≥ ${signed(rule.threshold)}`;
  return `strongly ${rule.direction} article about ${rule.actor} (stance ${bound})${rule.outlet ? ` from ${rule.outlet}` : ''}`;
}

/**
 * When a rule is checked, as the alert step (src/jobs/alerts.ts) runs it: after every worker tick (each feed
 * poll), window rules judged on the grid of `stepMs` ticks aligned to the epoch (UTC), article rules per article.
 */
export function describeChecks(rule: CoreRule, stepMs: number = DEFAULT_ALERT_OPTIONS.stepMs): string {
  const poll = 'Rules are checked after every feed poll';
  if (rule.kind === 'article') return `${poll}: each newly analysed article that matches posts one alert.`;
  const grid = stepMs === HOUR ? 'at the top of every hour (UTC)' : `every ${formatDuration(stepMs)} (UTC)`;
  if (rule.kind === 'volume') {
    return `${poll}; the mentions in the window are counted ${grid}. It fires when they first spike, `
      + 'then not again until they have fallen back and spiked again.';
  }
  const n = `${rule.minArticles} ${rule.minArticles === 1 ? 'article' : 'articles'}`;
  return `${poll}; the mean over the window is judged ${grid}. It fires when the mean crosses the threshold `
    + `(or is past it the first time the window holds at least ${n}), and again only after it has gone back and crossed again. `
    + 'A mean already past the threshold when the rule is added waits for that.';
}

export function ruleView(r: StoredRule): AlertRuleView {
  return {
    id: r.id, kind: r.kind, actor: r.actor, channelId: r.channelId, enabled: r.enabled, lastFiredAt: r.lastFiredAt,
    description: describeRule(r), checks: describeChecks(toCoreRule(r)),
  };
}

/** How far back observations matter for these rules at one evaluation. */
export function lookbackMs(rules: CoreRule[], horizonMs: number): number {
  const spans = rules.map((r) => (r.kind === 'stance' ? r.windowMs : r.kind === 'volume' ? r.windowMs * (r.baselineWindows + 1) : 0));
  return Math.max(0, ...spans) + 2 * horizonMs;
}
