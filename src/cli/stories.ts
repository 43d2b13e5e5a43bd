// `stancewatch stories FILE.jsonl [--window-hours N] [--json]`: clusters the articles of a file into stories
// (published order, ties by id) and prints each story side by side: outlets, stance per actor, shared phrasing.
import { clusterBatch } from '../core/story-batch.js';
import { findSharedPhrasing, phrasingByOutletPair } from '../core/shared-phrasing.js';
import { compareStory } from '../core/story-compare.js';
import type { OutletPairCount, StoryComparison, StoryMember } from '../core/story-types.js';
import { analyseArticles, readArticles } from './stories-input.js';
import { EXIT, parseArgs, type CliCommand } from './io.js';

const USAGE = 'usage: stancewatch stories FILE.jsonl [--window-hours N] [--json]';

/** The --window-hours value in ms, or an error message. */
export function windowOption(value: string | true | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const hours = Number(value);
  return typeof value === 'string' && Number.isFinite(hours) && hours > 0 ? hours * 3_600_000 : '--window-hours must be a positive number';
}

export function storiesOf(members: StoryMember[], docs: Parameters<typeof clusterBatch>[0], windowMs: number | undefined): StoryComparison[] {
  const { stories } = clusterBatch(docs, windowMs === undefined ? {} : { windowMs });
  const byId = new Map(members.map((m) => [m.id, m]));
  return stories
    .map((s) => compareStory(s.id, s.articles.map((id) => byId.get(id) as StoryMember)))
    .sort((a, b) => articleCount(b) - articleCount(a) || a.first - b.first || (a.storyId < b.storyId ? -1 : 1));
}

const articleCount = (c: StoryComparison): number => c.outlets.reduce((n, o) => n + o.articles.length, 0);
const iso = (ms: number): string => new Date(ms).toISOString();

export function storyJson(c: StoryComparison, members: Map<string, StoryMember>): object {
  const articles = c.outlets.flatMap((o) => o.articles.map((a) => a.id))
    .sort((x, y) => (members.get(x)?.published ?? 0) - (members.get(y)?.published ?? 0) || (x < y ? -1 : 1));
  return {
    id: c.storyId,
    title: c.title,
    first: iso(c.first),
    last: iso(c.last),
    articles,
    outlets: c.outlets.map((o) => o.outlet),
    actors: c.mainActors.map((actor) => ({
      actor,
      byOutlet: Object.fromEntries(c.outlets.flatMap((o) => (o.stances[actor] ? [[o.outlet, { score: o.stances[actor].score, label: o.stances[actor].label }]] : []))),
    })),
    splits: c.splits,
    framing: Object.fromEntries(c.outlets.map((o) => [o.outlet, o.framingTerms])),
    voices: Object.fromEntries(c.outlets.map((o) => [o.outlet, o.voices])),
    sharedPhrasing: c.sharedPhrasing.map((p) => ({ ...p, occurrences: p.occurrences.map((o) => ({ ...o, published: iso(o.published) })) })),
    sharedPhrasingPairs: c.phrasingPairs,
  };
}

const pairsText = (pairs: readonly OutletPairCount[]): string => pairs.map((p) => `${p.outlets[0]} & ${p.outlets[1]} ${p.lines}`).join(', ');

export function formatStory(c: StoryComparison): string {
  const n = articleCount(c);
  const lines = [`== ${c.title}  (${n} article${n === 1 ? '' : 's'}, ${c.outlets.length} outlet${c.outlets.length === 1 ? '' : 's'}, ${iso(c.first).slice(0, 16)} .. ${iso(c.last).slice(0, 16)}; story ${c.storyId})`];
  for (const o of c.outlets) {
    lines.push(`  ${o.outlet}: ${o.articles.map((a) => a.title).join(' | ')}`);
    const stances = Object.entries(o.stances).map(([actor, s]) => `${actor} ${s.label} (${s.score.toFixed(2)})`);
    if (stances.length) lines.push(`    stance: ${stances.join(', ')}`);
    if (o.voices.length) lines.push(`    voices: ${o.voices.map((v) => `${v.speaker} on ${v.actor}: ${v.label}`).join('; ')}`);
    if (o.framingTerms.length) lines.push(`    framing: ${o.framingTerms.join(', ')}`);
  }
  for (const s of c.splits.filter((x) => x.spread > 0)) lines.push(`  split on ${s.actor}: ${s.spread.toFixed(2)} (${s.most.outlet} ${s.most.score.toFixed(2)} vs ${s.least.outlet} ${s.least.score.toFixed(2)})`);
  for (const p of c.sharedPhrasing) lines.push(`  shared phrasing (${p.occurrences.map((o) => o.outlet).join(', ')}; ${p.similarity.toFixed(2)}): "${p.text}"`);
  if (c.phrasingPairs.length > 0) lines.push(`  shared lines by outlet pair: ${pairsText(c.phrasingPairs)}`);
  return lines.join('\n');
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['window-hours'], ['json']);
  if (typeof parsed === 'string' || parsed.positionals.length !== 1) {
    io.err(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.usage;
  }
  const windowMs = windowOption(parsed.flags.get('window-hours'));
  if (typeof windowMs === 'string') {
    io.err(`${windowMs}\n${USAGE}`);
    return EXIT.usage;
  }
  const articles = readArticles(parsed.positionals[0] as string);
  if (!articles.ok) {
    io.err(articles.error);
    return EXIT.inputError;
  }
  const analysed = analyseArticles(articles.value);
  const members = new Map(analysed.map((x) => [x.member.id, x.member]));
  const stories = storiesOf(analysed.map((x) => x.member), analysed.map((x) => x.doc), windowMs);
  // Over the whole file, not story by story: a syndicated line counts even where its articles fell into different stories.
  const pairs = phrasingByOutletPair(findSharedPhrasing([...members.values()]));
  if (parsed.flags.has('json')) io.out(JSON.stringify({ stories: stories.map((c) => storyJson(c, members)), sharedPhrasingPairs: pairs }, null, 2));
  else io.out(stories.length ? [...stories.map(formatStory), ...(pairs.length > 0 ? [`shared lines by outlet pair (whole file, within 48 h): ${pairsText(pairs)}`] : [])].join('\n\n') : 'no articles');
  return EXIT.ok;
};
