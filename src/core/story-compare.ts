// The side-by-side of one story: per outlet its articles, its author stance toward the story's main actors, the
// voices it quoted and its distinctive framing terms; the split per actor; the shared phrasing. Pure.
import { DEFAULT_AGGREGATE, labelOf } from './aggregate.js';
import { countTerms, distinctiveTerms, type TermCounts } from './framing-log-odds.js';
import { findSharedPhrasing, phrasingByOutletPair } from './shared-phrasing.js';
import { byPublished } from './story-batch.js';
import { isContentWord, outletWords, sStem } from './story-terms.js';
import { tokenize } from './text.js';
import type { OutletCoverage, StoryComparison, StoryMember, StorySplit } from './story-types.js';

/** At most this many main actors per story. */
export const MAX_MAIN_ACTORS = 6;

const round = (x: number): number => Math.round(x * 1000) / 1000;
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Actors most covered first: by articles that mention them, then mentions, then name. */
export function mainActors(members: StoryMember[]): string[] {
  const tally = new Map<string, { articles: number; mentions: number }>();
  for (const m of members) {
    for (const a of m.actors) {
      const t = tally.get(a.actor) ?? { articles: 0, mentions: 0 };
      t.articles++;
      t.mentions += a.mentions;
      tally.set(a.actor, t);
    }
  }
  const ranked = [...tally].sort((a, b) => b[1].articles - a[1].articles || b[1].mentions - a[1].mentions || byName(a[0], b[0]));
  const needed = Math.min(2, members.length);
  const main = ranked.filter(([, t]) => t.articles >= needed);
  return (main.length > 0 ? main : ranked.slice(0, 3)).slice(0, MAX_MAIN_ACTORS).map(([actor]) => actor);
}

const titleWords = (title: string): Set<string> =>
  new Set(tokenize(title.toLowerCase()).filter((t) => !t.punct && isContentWord(t.text)).map((t) => sStem(t.text)));

/** The headline sharing most words with the others (mean Jaccard); ties: the earliest. */
export function representativeTitle(members: ReadonlyArray<Pick<StoryMember, 'id' | 'title' | 'published'>>): string {
  const sorted = [...members].sort(byPublished);
  const sets = sorted.map((m) => titleWords(m.title));
  let best = 0;
  let bestScore = -1;
  sets.forEach((a, i) => {
    let score = 0;
    sets.forEach((b, j) => {
      if (i === j) return;
      let shared = 0;
      for (const w of a) if (b.has(w)) shared++;
      const union = a.size + b.size - shared;
      score += union > 0 ? shared / union : 0;
    });
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return sorted[best]?.title ?? '';
}

function stancesOf(articles: StoryMember[], actors: string[]): OutletCoverage['stances'] {
  const stances: OutletCoverage['stances'] = {};
  for (const actor of actors) {
    const scores = articles.flatMap((m) => m.actors.filter((a) => a.actor === actor).map((a) => a.score));
    if (scores.length === 0) continue;
    const score = round(scores.reduce((s, x) => s + x, 0) / scores.length);
    stances[actor] = { score, label: labelOf(score, DEFAULT_AGGREGATE.threshold), articles: scores.length };
  }
  return stances;
}

function voicesOf(articles: StoryMember[]): OutletCoverage['voices'] {
  const seen = new Set<string>();
  const voices: OutletCoverage['voices'] = [];
  for (const m of articles) {
    for (const v of m.voices) {
      const key = `${v.speaker}\u0000${v.actor}\u0000${v.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      voices.push({ speaker: v.speaker, ...(v.speakerActor ? { speakerActor: v.speakerActor } : {}), actor: v.actor, label: v.label });
    }
  }
  return voices;
}

/** Each outlet's distinctive terms against the story's other outlets (none when one outlet covers the story). */
function framingByOutlet(groups: Map<string, StoryMember[]>): Map<string, string[]> {
  const skip = new Set<string>();
  for (const outlet of groups.keys()) for (const w of outletWords(outlet)) skip.add(w);
  const counts = new Map<string, TermCounts>();
  for (const [outlet, articles] of groups) {
    const c: TermCounts = new Map();
    for (const m of articles) countTerms(`${m.title}\n${m.text}`, skip, c);
    counts.set(outlet, c);
  }
  const out = new Map<string, string[]>();
  for (const [outlet, own] of counts) {
    const rest: TermCounts = new Map();
    for (const [other, c] of counts) if (other !== outlet) for (const [t, n] of c) rest.set(t, (rest.get(t) ?? 0) + n);
    out.set(outlet, distinctiveTerms(own, rest).map((d) => d.term));
  }
  return out;
}

/** Per main actor mentioned by two outlets or more: max − min of the outlets' mean scores, widest first. */
export function splitsOf(coverage: OutletCoverage[], actors: string[]): StorySplit[] {
  const splits: StorySplit[] = [];
  for (const actor of actors) {
    const scored = coverage.flatMap((c) => (c.stances[actor] ? [{ outlet: c.outlet, score: c.stances[actor].score }] : []));
    if (scored.length < 2) continue;
    scored.sort((a, b) => b.score - a.score || byName(a.outlet, b.outlet));
    const most = scored[0] as { outlet: string; score: number };
    const least = scored[scored.length - 1] as { outlet: string; score: number };
    splits.push({ actor, spread: round(most.score - least.score), most, least });
  }
  return splits.sort((a, b) => b.spread - a.spread || byName(a.actor, b.actor));
}

export function compareStory(storyId: string, members: StoryMember[]): StoryComparison {
  const sorted = [...members].sort(byPublished);
  const actors = mainActors(sorted);
  const groups = new Map<string, StoryMember[]>();
  for (const m of sorted) groups.set(m.outlet, [...(groups.get(m.outlet) ?? []), m]);
  const framing = framingByOutlet(groups);
  const outlets: OutletCoverage[] = [...groups].map(([outlet, articles]) => ({
    outlet,
    articles: articles.map((m) => ({ id: m.id, title: m.title, ...(m.link !== undefined ? { link: m.link } : {}) })),
    stances: stancesOf(articles, actors),
    voices: voicesOf(articles),
    framingTerms: framing.get(outlet) ?? [],
  }));
  const sharedPhrasing = findSharedPhrasing(sorted);
  return {
    storyId,
    title: representativeTitle(sorted),
    first: sorted[0]?.published ?? 0,
    last: sorted[sorted.length - 1]?.published ?? 0,
    mainActors: actors,
    outlets,
    splits: splitsOf(outlets, actors),
    sharedPhrasing,
    phrasingPairs: phrasingByOutletPair(sharedPhrasing),
  };
}
