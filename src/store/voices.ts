// Reported voices (ArticleAnalysis.voices) in article_voices: rows written with the analysis (analysis.ts), read
// back per article, and summed per speaker about an actor over one server's window. Like the per-article scores
// they live as long as the article (retention); there is no daily aggregate of them.
import { sql } from 'kysely';
import type { StanceLabel, VoiceStance } from '../core/types.js';
import type { Db, StoreContext } from './context.js';
import { parseJson } from './context.js';
import { inGuild, seenArticleIds } from './queries.js';
import type { GuildRange, VoiceStats } from './types.js';

export interface VoiceQueryStore {
  /**
   * Reported voices about each actor (or about `range.actors`) in the server's window: one entry per actor,
   * speaker and speaker actor with the number of articles quoting that speaker, their mean score and the outlets
   * of those articles (most articles first). Ordered by actor, then most quoted speaker first.
   */
  voiceStats(range: GuildRange): Promise<VoiceStats[]>;
}

/** article_voices rows of one article (published time and outlet copied from the article). */
export function voiceRows(articleId: string, voices: VoiceStance[], key: { publishedAt: number; outlet: string }) {
  return voices.map((v, seq) => ({
    article_id: articleId,
    seq,
    speaker: v.speaker,
    speaker_actor: v.speakerActor ?? null,
    actor: v.actor,
    label: v.label,
    score: v.score,
    evidence: JSON.stringify(v.evidence),
    published_at: key.publishedAt,
    outlet: key.outlet,
  }));
}

export async function readVoices(db: Db, articleId: string): Promise<VoiceStance[]> {
  const rows = await db.selectFrom('article_voices').selectAll().where('article_id', '=', articleId).orderBy('seq').execute();
  return rows.map((r) => ({
    speaker: r.speaker,
    ...(r.speaker_actor === null ? {} : { speakerActor: r.speaker_actor }),
    actor: r.actor,
    label: r.label as StanceLabel,
    score: r.score,
    evidence: parseJson<VoiceStance['evidence']>(r.evidence, []),
  }));
}

function voicesIn(db: Db, range: GuildRange) {
  let query = range.basis === 'seen'
    ? db.selectFrom('article_voices as v').where('v.article_id', 'in', seenArticleIds(db, range))
    : db.selectFrom('article_voices as v').where('v.published_at', '>=', range.from).where('v.published_at', '<', range.to);
  query = query.where(inGuild(range.guildId, 'v.article_id'));
  if (range.actors) query = query.where('v.actor', 'in', range.actors.length > 0 ? range.actors : ['']);
  return query;
}

interface OutletRow {
  actor: string;
  speaker: string;
  speaker_actor: string | null;
  outlet: string;
  n: number | string;
  score_sum: number | string;
}

/** Folds per-outlet rows into one entry per (actor, speaker, speaker actor). */
function foldSpeakers(rows: OutletRow[]): VoiceStats[] {
  const groups = new Map<string, { stats: VoiceStats; sum: number }>();
  for (const r of rows) {
    const key = `${r.actor}\u0000${r.speaker}\u0000${r.speaker_actor ?? ''}\u0000${r.speaker_actor === null ? 0 : 1}`;
    const n = Number(r.n);
    const sum = Number(r.score_sum);
    let g = groups.get(key);
    if (!g) {
      g = { stats: { actor: r.actor, speaker: r.speaker, speakerActor: r.speaker_actor, n: 0, meanScore: 0, outlets: [] }, sum: 0 };
      groups.set(key, g);
    }
    g.stats.n += n;
    g.sum += sum;
    g.stats.outlets.push({ outlet: r.outlet, n, meanScore: sum / n });
  }
  const out = [...groups.values()].map(({ stats, sum }) => ({
    ...stats,
    meanScore: sum / stats.n,
    outlets: stats.outlets.sort((x, y) => y.n - x.n || x.outlet.localeCompare(y.outlet)),
  }));
  const text = (s: string | null): string => s ?? '';
  return out.sort((x, y) => x.actor.localeCompare(y.actor) || y.n - x.n || x.speaker.localeCompare(y.speaker) || text(x.speakerActor).localeCompare(text(y.speakerActor)));
}

export function voiceQueries(ctx: StoreContext): VoiceQueryStore {
  return {
    async voiceStats(range) {
      const rows = await voicesIn(ctx.db, range)
        .select(['v.actor', 'v.speaker', 'v.speaker_actor', 'v.outlet', sql<number>`count(*)`.as('n'), sql<number>`sum(v.score)`.as('score_sum')])
        .groupBy(['v.actor', 'v.speaker', 'v.speaker_actor', 'v.outlet'])
        .execute();
      return foldSpeakers(rows);
    },
  };
}
