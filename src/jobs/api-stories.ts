// The part of the bot's facade (src/jobs/api.ts) about stories across outlets: /stories (the server's biggest
// stories of a period with their widest split) and /story (one story side by side). Everything is read per server:
// a story another server's feeds alone cover is "no such story" here, exactly like an unknown id.
import type { Period } from '../core/digest-types.js';
import { widestSplit, type DigestStory } from '../core/digest-stories.js';
import { err, ok, type Result } from '../core/result.js';
import { compareStory } from '../core/story-compare.js';
import type { StoryComparison } from '../core/story-types.js';
import type { Store, StoryTitleMatch } from '../store/index.js';
import { resolveActor, SUMMARY_PERIODS, type SummaryPeriod } from './api-digests.js';
import { storiesWithSplits } from './story-views.js';

/** Stories /stories lists at most. */
export const STORIES_LISTED = 10;
/** Autocomplete choices Discord shows at most. */
const SUGGESTIONS = 25;

/** A story /stories lists: its widest split is on the filtered actor when there is one. */
export type ListedStory = DigestStory;

/** What the server has, for saying why a list is empty. */
export interface StoriesState {
  feeds: number;
  /** The server's articles published in the period. */
  articles: number;
  /** Of them, not analysed (unsupported language): never clustered. */
  notAnalysed: number;
  /** The server's stories in the period, without the filters (0 with articles: clustering has not run yet). */
  stories: number;
}

export interface StoriesView {
  period: Period;
  filter: { actor?: string; outlet?: string };
  stories: ListedStory[];
  state: StoriesState;
}

export interface StoriesApi {
  storiesView(guildId: string, period: SummaryPeriod, filter?: { actor?: string; outlet?: string }): Promise<Result<StoriesView, string>>;
  /** One story side by side, from the server's articles of it only: by id, or by a headline part naming one story. */
  storyView(guildId: string, storyId: string): Promise<Result<StoryComparison, string>>;
  /**
   * The server's stories whose headline contains `typed`, latest first (autocomplete), each with `ref`: what
   * storyView takes to show it, never longer than an autocomplete value may be.
   */
  searchStories(guildId: string, typed: string): Promise<Array<StoryTitleMatch & { ref: string }>>;
}

export interface StoriesApiDeps {
  store: Store;
  now: () => number;
  builtInActors: readonly string[];
}

/** Characters of an autocomplete value (Discord's limit). */
const REF_CHARS = 100;
const CUT = '…';

/**
 * What names a story in an autocomplete value: its id (its first article's id, often a long link), or when that is
 * longer than a value may be, its first 99 characters and '…' (storyView looks the prefix up).
 */
export function storyRef(id: string): string {
  return id.length <= REF_CHARS ? id : `${id.slice(0, REF_CHARS - CUT.length)}${CUT}`;
}

export const NO_SUCH_STORY = 'This server has no such story: pick one from the list (`/stories` lists the biggest).';

export function createStoriesApi(deps: StoriesApiDeps): StoriesApi {
  const periodOf = (p: SummaryPeriod): Period => {
    const to = Math.floor(deps.now() / 60_000) * 60_000;
    return { from: to - SUMMARY_PERIODS[p], to };
  };
  return {
    async storiesView(guildId, p, filter = {}) {
      const actor = filter.actor?.trim() ? await resolveActor(deps, guildId, filter.actor) : ok(undefined);
      if (!actor.ok) return actor;
      const outlet = filter.outlet?.trim() || undefined;
      const period = periodOf(p);
      const base = { guildId, from: period.from, to: period.to };
      const [listed, subs, totals, any] = await Promise.all([
        storiesWithSplits(deps.store, {
          ...base, limit: STORIES_LISTED, ...(actor.value ? { actor: actor.value } : {}), ...(outlet ? { outlet } : {}),
        }),
        deps.store.listSubscriptions(guildId),
        deps.store.periodTotals(base),
        deps.store.storiesForGuild({ ...base, limit: 1 }),
      ]);
      return ok({
        period,
        filter: { ...(actor.value ? { actor: actor.value } : {}), ...(outlet ? { outlet } : {}) },
        stories: listed.map(({ splits, ...s }) => ({ ...s, split: widestSplit(splits, actor.value) })),
        state: { feeds: subs.length, articles: totals.articles, notAnalysed: totals.notAnalysed, stories: any.length },
      });
    },
    async storyView(guildId, storyId) {
      const id = storyId.trim();
      if (id === '' || id.length > 200) return err(NO_SUCH_STORY);
      const members = await deps.store.storyMembers(id, guildId);
      if (members.length > 0) return ok(compareStory(id, members));
      // A long id cut to fit an autocomplete value: the one story of the server it begins.
      if (id.length === REF_CHARS && id.endsWith(CUT)) {
        const [only, other] = await deps.store.storyIdsStartingWith(guildId, id.slice(0, -CUT.length), 2);
        const theirs = only !== undefined && other === undefined ? await deps.store.storyMembers(only, guildId) : [];
        if (only !== undefined && theirs.length > 0) return ok(compareStory(only, theirs));
      }
      // Typed rather than picked: a headline (part) that names exactly one of the server's stories.
      const found = await deps.store.searchStories(guildId, id, 2);
      const only = found.length === 1 ? found[0] : undefined;
      const theirs = only ? await deps.store.storyMembers(only.id, guildId) : [];
      return only && theirs.length > 0 ? ok(compareStory(only.id, theirs)) : err(NO_SUCH_STORY);
    },
    searchStories: async (guildId, typed) =>
      (await deps.store.searchStories(guildId, typed.trim().slice(0, 100), SUGGESTIONS)).map((s) => ({ ...s, ref: storyRef(s.id) })),
  };
}
