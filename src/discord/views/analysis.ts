// Views of one analysis (/analyze, /article): tone, per-actor stance with evidence, framing terms.
import type { APIEmbed } from 'discord.js';
import type { ArticleView } from '../../jobs/api.js';
import type { ActorStance, ArticleAnalysis } from '../../core/types.js';
import { COLOURS, labelIcon, plural, quote, safeUrl, signed, when } from './format.js';

const MAX_ACTORS = 10;
const MAX_TERMS = 8;

function actorField(a: ActorStance): { name: string; value: string } {
  const head = `${labelIcon(a.label)} ${a.label} ${signed(a.score)} · confidence ${Math.round(a.confidence * 100)}% · ${plural(a.mentions, 'mention')}`;
  const best = [...a.evidence].sort((x, y) => Math.abs(y.score) - Math.abs(x.score))[0];
  const terms = [...new Set(best?.terms.map((t) => t.toLowerCase()) ?? [])].slice(0, 6);
  const evidence = best === undefined ? '' : `\n> ${quote(best.sentence, 400)}${terms.length > 0 ? `\n-# terms: ${quote(terms.join(', '), 150)}` : ''}`;
  return { name: quote(a.actor, 200), value: `${head}${evidence}` };
}

function overview(a: ArticleAnalysis): string {
  if (!a.analysed) return `Language \`${a.language}\` is not analysed: no tone or stance was computed.`;
  const s = a.sentiment;
  const framing = Object.entries(a.framing).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, MAX_TERMS);
  const lines = [
    `Tone ${signed(s.tone, 1)} (positive ${s.positivePct.toFixed(1)}%, negative ${s.negativePct.toFixed(1)}%) · ${plural(s.wordCount, 'word')} · language \`${a.language}\``,
    a.actors.length === 0 ? 'No tracked actor is mentioned.' : '',
    framing.length > 0 ? `Framing terms: ${quote(framing.map(([t, n]) => `${t} ×${n}`).join(', '), 400)}` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

function colour(a: ArticleAnalysis): number {
  const top = [...a.actors].sort((x, y) => y.mentions - x.mentions)[0];
  return top === undefined ? COLOURS.info : COLOURS[top.label];
}

export function analysisEmbed(title: string, a: ArticleAnalysis, lead = ''): APIEmbed {
  const actors = [...a.actors].sort((x, y) => y.mentions - x.mentions || x.actor.localeCompare(y.actor));
  return {
    title,
    description: [lead, overview(a)].filter(Boolean).join('\n'),
    fields: actors.slice(0, MAX_ACTORS).map(actorField),
    color: colour(a),
    ...(actors.length > MAX_ACTORS ? { footer: { text: `${plural(actors.length - MAX_ACTORS, 'more actor')} not shown` } } : {}),
  };
}

export function articleEmbed(v: ArticleView): APIEmbed {
  const source = v.source === 'stored'
    ? `Stored analysis · ${quote(v.outlet ?? '', 100)}${v.publishedAt === null ? '' : ` · ${when(v.publishedAt, 'f')}`}`
    : 'Not in this server’s feeds: fetched and analysed now (not stored)';
  return analysisEmbed(quote(v.title, 240), v.analysis, `${safeUrl(v.url)}\n${source}`);
}
