// Row -> ActorStats conversion shared by the exact and the daily queries.
import type { ActorStats } from './types.js';

export interface StatRow {
  actor: string;
  n: number;
  score_sum: number;
  negative: number;
  neutral: number;
  positive: number;
}

export function toStats<R extends StatRow>(r: R): ActorStats {
  const n = Number(r.n);
  return {
    actor: r.actor,
    n,
    meanScore: n > 0 ? Number(r.score_sum) / n : 0,
    negative: Number(r.negative),
    neutral: Number(r.neutral),
    positive: Number(r.positive),
  };
}

