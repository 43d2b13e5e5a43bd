// The part of the bot's facade (src/jobs/api.ts) about summaries, digests and alerts. Returned shapes are
// platform-neutral data built from src/core/digest building blocks; src/discord renders them.
import { buildDigest, pickArticles, rankOutlets, summariseActors } from '../core/digest.js';
import type { ActorHighlights, ActorSummary, DigestTotals, OutletRank, Period, QuotedVoice, StanceChartData } from '../core/digest-types.js';
import type { DigestPayload } from '../core/outbox-payloads.js';
import { err, ok, type Result } from '../core/result.js';
import type { Store } from '../store/index.js';
import { ruleView, validateRule, type AlertRuleInput, type AlertRuleView } from './alert-rules.js';
import { loadDigestInput } from './digest-input.js';
import { composeDigest } from './digests.js';
import { digestSettingsApi, type DigestSettingsApi, type DigestSettingsDeps } from './digest-settings.js';

export type { AlertRuleInput, AlertRuleView } from './alert-rules.js';
export type { DigestSettingsView } from './digest-settings.js';
export type * from '../core/outbox-payloads.js';

export const SUMMARY_PERIODS = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type SummaryPeriod = keyof typeof SUMMARY_PERIODS;

export interface OutletStanding {
  actor: string;
  /** Outlets most favourable to the actor, best first. */
  mostFor: OutletRank[];
  /** Outlets most hostile to the actor, worst first. */
  mostAgainst: OutletRank[];
}

export interface SummaryView {
  period: Period;
  timeZone: string;
  filter: { actor?: string; outlet?: string };
  /** Server-wide totals of the period (all outlets). */
  totals: DigestTotals;
  actors: ActorSummary[];
  outlets: OutletStanding[];
  highlights: ActorHighlights[];
}

export interface ActorView {
  actor: string;
  period: Period;
  timeZone: string;
  summary: ActorSummary;
  chart: StanceChartData;
  highlights: ActorHighlights;
  /** Outlets ranked by stance toward the actor, most favourable first. */
  outlets: OutletRank[];
  /** The speakers most quoted about the actor (reported voices, not the outlets' own stance), most quoted first. */
  voices: QuotedVoice[];
}

export interface DigestsApi extends DigestSettingsApi {
  summary(guildId: string, period: SummaryPeriod, filter?: { actor?: string; outlet?: string }): Promise<Result<SummaryView, string>>;
  actorView(guildId: string, actor: string, period: SummaryPeriod): Promise<Result<ActorView, string>>;
  /** What the next digest would hold now (posts nothing). */
  previewDigest(guildId: string): Promise<Result<DigestPayload, string>>;
  /** Enqueues a digest for the period since the last one; the bot's deliverer posts it. */
  digestNow(guildId: string): Promise<Result<{ outboxId: number; created: boolean; period: Period }, string>>;
  addAlertRule(input: AlertRuleInput): Promise<Result<AlertRuleView, string>>;
  listAlertRules(guildId: string): Promise<AlertRuleView[]>;
  removeAlertRule(guildId: string, ruleId: number): Promise<boolean>;
}

export interface DigestsApiDeps extends DigestSettingsDeps {
  store: Store;
  now: () => number;
  /** Canonical names of the built-in actors (config/actors.yaml). */
  builtInActors: readonly string[];
  articlesPerActor: number;
}

const OUTLETS_EACH_WAY = 3;
/** Speakers /actor names in its "voices on" line. */
const ACTOR_VOICES = 5;
const DAY = 86_400_000;

/** Canonical actor name for what the user typed (case-insensitive), among built-in and server actors. */
export async function resolveActor(deps: Pick<DigestsApiDeps, 'store' | 'builtInActors'>, guildId: string, typed: string): Promise<Result<string, string>> {
  const custom = (await deps.store.listGuildActors(guildId)).map((a) => a.name);
  const wanted = typed.trim().toLowerCase();
  const found = [...deps.builtInActors, ...custom].find((name) => name.toLowerCase() === wanted);
  return found ? ok(found) : err(`"${typed.trim()}" is not a known actor; /actors list shows them.`);
}

function standing(rows: Parameters<typeof rankOutlets>[0], actor: string): OutletStanding {
  const ranked = rankOutlets(rows, actor);
  return { actor, mostFor: ranked.filter((r) => r.mean > 0).slice(0, OUTLETS_EACH_WAY), mostAgainst: ranked.filter((r) => r.mean < 0).reverse().slice(0, OUTLETS_EACH_WAY) };
}

export function createDigestsApi(deps: DigestsApiDeps): DigestsApi {
  const settingsApi = digestSettingsApi(deps);
  const periodOf = (p: SummaryPeriod): Period => {
    const to = Math.floor(deps.now() / 60_000) * 60_000;
    return { from: to - SUMMARY_PERIODS[p], to };
  };
  const load = async (guildId: string, p: SummaryPeriod, actors: string[], outlet?: string) => {
    const timeZone = (await settingsApi.digestSettings(guildId)).timeZone;
    const input = await loadDigestInput(deps.store, {
      guildId, period: periodOf(p), timeZone, actors, articlesPerActor: deps.articlesPerActor, ...(outlet ? { outlet } : {}),
    });
    return { input, timeZone };
  };
  return {
    ...settingsApi,
    async summary(guildId, p, filter = {}) {
      const actor = filter.actor ? await resolveActor(deps, guildId, filter.actor) : ok(undefined);
      if (!actor.ok) return actor;
      const actors = actor.value ? [actor.value] : await deps.store.listWatchedActors(guildId);
      const { input, timeZone } = await load(guildId, p, actors, filter.outlet?.trim() || undefined);
      const summaries = summariseActors(input.actors, input.previous, input.watched);
      const active = summaries.filter((s) => s.n > 0).map((s) => s.actor);
      return ok({
        period: input.period, timeZone, totals: input.totals, actors: summaries,
        filter: { ...(actor.value ? { actor: actor.value } : {}), ...(filter.outlet?.trim() ? { outlet: filter.outlet.trim() } : {}) },
        outlets: active.map((a) => standing(input.outletActors, a)),
        highlights: active.map((a) => pickArticles(input.articles, a, deps.articlesPerActor)),
      });
    },
    async actorView(guildId, typed, p) {
      const actor = await resolveActor(deps, guildId, typed);
      if (!actor.ok) return actor;
      const { input, timeZone } = await load(guildId, p, [actor.value]);
      const digest = buildDigest({ ...input, options: { ...input.options, maxChartActors: 1, maxVoices: ACTOR_VOICES } });
      const summary = digest.actors[0] as ActorSummary;
      const chart = summary.n > 0 ? digest.chart : { days: digest.chart.days, series: [{ name: actor.value, values: digest.chart.days.map(() => null) }] };
      return ok({
        actor: actor.value, period: input.period, timeZone, summary, chart,
        highlights: pickArticles(input.articles, actor.value, deps.articlesPerActor),
        outlets: rankOutlets(input.outletActors, actor.value),
        voices: digest.voices?.find((v) => v.actor === actor.value)?.voices ?? [],
      });
    },
    async previewDigest(guildId) {
      const s = await settingsApi.digestSettings(guildId);
      const to = deps.now();
      const from = s.lastPeriodEnd !== null && s.lastPeriodEnd < to ? s.lastPeriodEnd : to - DAY;
      return ok(await composeDigest(deps.store, guildId, { from, to }, s.timeZone, 'manual', deps));
    },
    async digestNow(guildId) {
      const s = await settingsApi.digestSettings(guildId);
      if (s.channelId === null) return err('No digest channel is set; choose one with /digest channel first.');
      const to = Math.floor(deps.now() / 60_000) * 60_000;
      const from = s.lastPeriodEnd ?? to - DAY;
      if (from >= to) return err('A digest up to this minute was already made; try again in a minute.');
      const payload = await composeDigest(deps.store, guildId, { from, to }, s.timeZone, 'manual', deps);
      const { item, created } = await deps.store.enqueueDigest({ guildId, channelId: s.channelId, periodStart: from, periodEnd: to, payload, now: deps.now() });
      return ok({ outboxId: item.id, created, period: { from, to } });
    },
    async addAlertRule(input) {
      const actor = await resolveActor(deps, input.guildId, input.actor);
      if (!actor.ok) return actor;
      const valid = validateRule(input);
      if (!valid.ok) return valid;
      const rule = await deps.store.addAlertRule({
        guildId: input.guildId, channelId: input.channelId, kind: input.kind, actor: actor.value, outlet: valid.value.outlet,
        params: valid.value.params, createdBy: input.createdBy, now: deps.now(),
      });
      return ok(ruleView(rule));
    },
    listAlertRules: async (guildId) => (await deps.store.listAlertRules(guildId)).map(ruleView),
    removeAlertRule: (guildId, ruleId) => deps.store.removeAlertRule(guildId, ruleId),
  };
}
