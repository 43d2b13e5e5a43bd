// The author model as committed data (models/author.json): a hashed logistic regression over `authorVector`, the
// dense voice head, and the article aggregation chosen with them. Pure.
import { VOICE_FEATURES, type AuthorHead } from './author.js';
import { unpackWeights } from './model.js';
import { AUTHOR_BITS } from './author-vector.js';
import { ARTICLE_FEATURES } from './aggregate.js';
import { CONTEXT_FEATURES } from './author-context.js';

export interface AuthorHeadData {
  format: 'stancewatch-author-lr';
  version: number;
  /** log2 of the number of feature buckets; must match the code's AUTHOR_BITS. */
  bits: number;
  /** Packed hashed weights of the author model (as in models/stance.json). */
  ids: number[];
  weights: number[];
  /** 3 x VOICE_FEATURES weights of the voice head, class-major (negative, neutral, positive). */
  voice: number[];
  /** Weight of the learned model against the gated sentence view (chosen by cross-validation). */
  blend: number;
  /** Neutral calibration for news (see blendProbs), chosen by cross-validation. */
  neutralMargin: number;
  /** Article aggregation of author-view sentences, chosen with the model: the article head (3 x ARTICLE_FEATURES
   * weights) when set, else votes or scores with a prior and a threshold. */
  aggregate: { prior: number; threshold: number; votes?: boolean; head?: number[] };
  /** 3 x CONTEXT_FEATURES weights of the context head (author-context.ts): absent in a model trained without it. */
  context?: number[];
  training: Record<string, unknown>;
}

export function loadAuthorHead(data: AuthorHeadData): AuthorHead {
  const article = data.aggregate.head;
  if (article !== undefined && article.length !== 3 * ARTICLE_FEATURES) throw new Error(`article head has ${article.length} weights, code expects ${3 * ARTICLE_FEATURES}: retrain`);
  if (data.voice.length !== 3 * VOICE_FEATURES) throw new Error(`voice head has ${data.voice.length} weights, code expects ${3 * VOICE_FEATURES}: retrain`);
  if (data.context !== undefined && data.context.length !== 3 * CONTEXT_FEATURES) throw new Error(`context head has ${data.context.length} weights, code expects ${3 * CONTEXT_FEATURES}: retrain`);
  return {
    weights: unpackWeights(data.bits, data.ids, data.weights, AUTHOR_BITS), voice: data.voice, blend: data.blend, neutralMargin: data.neutralMargin,
    ...(data.context ? { context: data.context } : {}),
  };
}
