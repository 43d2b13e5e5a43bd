// Small builders for analyses and articles used by the contract tests.
import type { ArticleAnalysis, StanceLabel } from '../../src/core/types.js';
import type { NewArticle } from '../../src/store/index.js';

export const DAY = 86_400_000;

export function labelOf(score: number): StanceLabel {
  return score <= -0.2 ? 'negative' : score >= 0.2 ? 'positive' : 'neutral';
}

/** An English analysis with one evidence sentence per actor score. */
export function analysisOf(scores: Record<string, number>, framing: Record<string, number> = {}): ArticleAnalysis {
  return {
    language: 'en',
    analysed: true,
    sentiment: { score: 3, comparative: 0.1, positivePct: 5, negativePct: 2, polarity: 7, tone: 3, wordCount: 30 },
    actors: Object.entries(scores).map(([actor, score]) => ({
      actor,
      label: labelOf(score),
      score,
      confidence: 0.5 + Math.abs(score) / 2,
      mentions: 2,
      evidence: [
        { sentence: `${actor} mild sentence`, terms: ['mild'], score: score / 4 },
        { sentence: `${actor} strong sentence`, terms: ['strong'], score },
      ],
    })),
    voices: [],
    framing,
  };
}

export const unsupported: ArticleAnalysis = {
  language: 'ru',
  analysed: false,
  voices: [],
  sentiment: { score: 0, comparative: 0, positivePct: 0, negativePct: 0, polarity: 0, tone: 0, wordCount: 0 },
  actors: [],
  framing: {},
};

export function article(id: string, publishedAt: number, outlet = 'Outlet', link: string | null = `https://news.example/${id}`): NewArticle {
  return { id, link, outlet, title: `Title ${id}`, publishedAt, text: `Text of ${id}` };
}
