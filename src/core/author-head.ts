// The author head as committed data (models/author.json) and its article-level aggregation settings. Pure.
import { AUTHOR_FEATURES, type AuthorHead } from './author.js';

export interface AuthorHeadData {
  format: 'stancewatch-author-head';
  version: number;
  /** Number of dense features; must match the code's AUTHOR_FEATURES. */
  features: number;
  /** 3 x features weights, class-major (negative, neutral, positive). */
  weights: number[];
  /** Article aggregation of author-view sentence scores, chosen with the head. */
  aggregate: { prior: number; threshold: number };
  training: Record<string, unknown>;
}

export function loadAuthorHead(data: AuthorHeadData): AuthorHead {
  if (data.features !== AUTHOR_FEATURES || data.weights.length !== 3 * AUTHOR_FEATURES) {
    throw new Error(`author head has ${data.features} features, code expects ${AUTHOR_FEATURES}: retrain`);
  }
  return { weights: data.weights };
}
