// Views of /stories (the server's biggest stories of a period with their widest split) and /story (one story side
// by side: per outlet its headlines, its stance toward the story's main actors, the voices it quoted and its
// framing terms; the splits and the shared phrasing; the outlets × actors chart last, as the attachment).
import type { APIEmbed } from 'discord.js';
import { voiceMark } from '../../core/digest-voices.js';
import type { OutletCoverage, OutletPairCount, SharedPhrase, StoryComparison, StorySplit } from '../../core/story-types.js';
import type { ListedStory, StoriesView } from '../../jobs/api.js';
import { LIMITS } from '../limits.js';
import { truncate } from '../render/truncate.js';
import { COLOURS, labelIcon, linesToEmbeds, plural, quote, signed, titleLink, when } from './format.js';
import { periodText } from './summary.js';

export const STORY_CHART_FILE = 'story.png';
/** Outlets /story shows side by side (one embed each); the rest are counted. */
const MAX_OUTLETS = 12;
const MAX_HEADLINES = 3;
/** Speakers shown per outlet. */
const MAX_VOICES = 5;
const MAX_PHRASES = 3;
const MAX_SPLITS = 3;

/** "**NATO**: Brussels Compass +0.40 … Eastern Harmony −0.60 (1.00 apart)". */
export function splitText(s: StorySplit): string {
  return `**${quote(s.actor, 64)}**: ${quote(s.most.outlet, 60)} ${signed(s.most.score)} … ${quote(s.least.outlet, 60)} ${signed(s.least.score)} (${s.spread.toFixed(2)} apart)`;
}

function storyEntry(s: ListedStory, i: number): string {
  const dates = s.first === s.last ? when(s.first, 'f') : `${when(s.first, 'f')} – ${when(s.last, 'f')}`;
  const split = s.split === null ? '-# No split: fewer than two outlets took a stance on one actor.' : `Widest split: ${splitText(s.split)}`;
  return `**${i + 1}.** ${quote(s.title, 180)}\n${plural(s.outlets, 'outlet')} · ${plural(s.articles, 'article')} · ${dates}\n${split}`;
}

/** Why /stories has nothing (or only single-outlet stories) to show, in the order a server sets things up. */
export function storiesNotes(v: StoriesView): string[] {
  const s = v.state;
  if (s.feeds === 0) return ['This server follows no feeds yet: add one with `/feeds add`; stories appear once its articles are analysed.'];
  if (s.articles === 0) return ['None of this server\'s feeds published an article in this period (or none was fetched yet); a longer `period` may show some.'];
  if (s.stories === 0 && s.notAnalysed === s.articles) return [`This period's ${plural(s.articles, 'article')} could not be analysed (language), so none is grouped into a story.`];
  if (s.stories === 0) return [`No stories yet: this period's ${plural(s.articles, 'article')} are not grouped into stories yet (the worker groups analysed articles after analysis, usually within minutes).`];
  if (v.stories.length === 0) return ['No story in this period matches the filter (outlet names as `/feeds list` shows them).'];
  if (v.stories.every((x) => x.outlets < 2)) return ['Every story here comes from one outlet only: a comparison needs two or more of this server\'s feeds covering the same event.'];
  return [];
}

export function storiesReply(v: StoriesView): { embeds: APIEmbed[] } {
  const filter = [v.filter.actor ? `actor ${quote(v.filter.actor, 64)}` : '', v.filter.outlet ? `outlet ${quote(v.filter.outlet, 100)}` : ''].filter(Boolean).join(', ');
  const title = truncate(`Stories across outlets${filter ? ` · ${filter}` : ''}`, LIMITS.embedTitle);
  const pointer = v.stories.length > 0 ? ['-# One story side by side (stance, voices, framing per outlet): `/story`'] : [];
  const lines = [periodText(v.period), ...v.stories.map(storyEntry), ...storiesNotes(v), ...pointer];
  return { embeds: linesToEmbeds(title, lines) };
}

/** "Dmitry Peskov [Russia] → NATO −, Ukraine −": who the outlet quoted, about whom, and how; one entry per speaker. */
export function voiceLines(voices: OutletCoverage['voices']): string[] {
  const bySpeaker = new Map<string, OutletCoverage['voices']>();
  for (const v of voices) bySpeaker.set(v.speaker, [...(bySpeaker.get(v.speaker) ?? []), v]);
  return [...bySpeaker].map(([name, said]) => {
    const speaker = name === 'unnamed' ? 'unnamed sources' : name;
    const actor = said[0]?.speakerActor;
    const own = actor !== undefined && !speaker.toLowerCase().includes(actor.toLowerCase()) ? ` [${quote(actor, 40)}]` : '';
    return `${quote(speaker, 60)}${own} → ${said.map((v) => `${quote(v.actor, 40)} ${voiceMark(v.label)}`).join(', ')}`;
  });
}

function outletEmbed(o: OutletCoverage, actors: readonly string[]): APIEmbed {
  const heads = o.articles.slice(0, MAX_HEADLINES).map((a) => `• ${titleLink(a.title, a.link, 150)}`);
  if (o.articles.length > MAX_HEADLINES) heads.push(`-# +${o.articles.length - MAX_HEADLINES} more`);
  const stances = actors.flatMap((a) => {
    const s = o.stances[a];
    return s ? [`${quote(a, 40)} ${labelIcon(s.label)} ${signed(s.score)}${s.articles > 1 ? ` (${s.articles})` : ''}`] : [];
  });
  const all = voiceLines(o.voices);
  const voices = all.slice(0, MAX_VOICES);
  const more = all.length > MAX_VOICES ? `; +${all.length - MAX_VOICES} more` : '';
  const lines = [
    ...heads,
    `**Stance**: ${stances.length > 0 ? stances.join(' · ') : 'none toward the main actors'}`,
    voices.length > 0 ? `**Voices**: ${voices.join('; ')}${more}` : '**Voices**: none quoted about an actor',
    o.framingTerms.length > 0 ? `**Framing**: ${o.framingTerms.slice(0, 8).map((t) => `*${quote(t, 40)}*`).join(', ')}` : '',
  ];
  return {
    title: truncate(`${o.outlet} · ${plural(o.articles.length, 'article')}`, LIMITS.embedTitle),
    description: truncate(lines.filter(Boolean).join('\n'), 1800),
    color: COLOURS.info,
  };
}

/** "“…sentence…” — TASS, RT (similarity 0.86)". */
export function phraseLine(p: SharedPhrase): string {
  const outlets = [...new Set(p.occurrences.map((x) => x.outlet))];
  return `“${quote(p.text, 220)}” — ${outlets.map((o) => quote(o, 60)).join(', ')} (similarity ${p.similarity.toFixed(2)})`;
}

/** "TASS & RT: 2 lines". */
const pairText = (p: OutletPairCount): string => `${quote(p.outlets[0], 60)} & ${quote(p.outlets[1], 60)}: ${plural(p.lines, 'line')}`;

function overview(c: StoryComparison): APIEmbed {
  const articles = c.outlets.reduce((n, o) => n + o.articles.length, 0);
  const dates = c.first === c.last ? when(c.first, 'f') : `${when(c.first, 'f')} – ${when(c.last, 'f')}`;
  const lines = [
    `${plural(c.outlets.length, 'outlet')} · ${plural(articles, 'article')} · ${dates}`,
    c.mainActors.length > 0 ? `Main actors: ${c.mainActors.map((a) => quote(a, 40)).join(', ')}` : 'No actor is named in this story\'s articles.',
    '',
    '**Splits** (how far apart the outlets\' stances on one actor are)',
    ...(c.splits.length > 0 ? c.splits.slice(0, MAX_SPLITS).map(splitText) : ['None: fewer than two outlets took a stance on the same actor.']),
    '',
    '**Shared phrasing** (near-identical sentences in different outlets)',
    ...(c.sharedPhrasing.length > 0 ? c.sharedPhrasing.slice(0, MAX_PHRASES).map(phraseLine) : ['None found.']),
    ...(c.sharedPhrasing.length > MAX_PHRASES ? [`-# +${c.sharedPhrasing.length - MAX_PHRASES} more`] : []),
    ...(c.phrasingPairs.length > 0 ? [`By outlet pair: ${c.phrasingPairs.slice(0, MAX_PHRASES).map(pairText).join(' · ')}`] : []),
  ];
  return { title: quote(c.title, 250) || 'Untitled story', description: truncate(lines.join('\n'), LIMITS.embedDescription), color: COLOURS.info };
}

/** The story's embeds: overview, one per outlet (the first MAX_OUTLETS), the chart last (files ride with the last message). */
export function storyReply(c: StoryComparison, chartAttached: boolean): { embeds: APIEmbed[] } {
  const shown = c.outlets.slice(0, MAX_OUTLETS).map((o) => outletEmbed(o, c.mainActors));
  const more = c.outlets.length - shown.length;
  const chart: APIEmbed[] = chartAttached
    ? [{ title: 'Outlets × actors: author stance', image: { url: `attachment://${STORY_CHART_FILE}` }, color: COLOURS.info }]
    : [];
  const rest: APIEmbed[] = more > 0 ? [{ description: `+${plural(more, 'more outlet')} not shown.`, color: COLOURS.info }] : [];
  return { embeds: [overview(c), ...shown, ...rest, ...chart] };
}
