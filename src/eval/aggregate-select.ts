// Choice of the article-level aggregation settings (prior, threshold) on documents with a gold label. Pure.
import { articleScore, labelOf } from '../core/aggregate.js';
import { classReport } from './scores.js';
import type { StanceLabel } from '../core/types.js';

/** One labelled document: the sentence scores of its target (empty when the target was never found). */
export interface ScoredDocument {
  scores: number[];
  gold: StanceLabel;
}

export interface AggregateChoice {
  prior: number;
  threshold: number;
  macroF1: number;
  accuracy: number;
}

export const PRIORS = [0, 0.25, 0.5, 1, 2, 3, 5];
/** 0.01 to 0.50 in steps of 0.01. */
export const THRESHOLDS = Array.from({ length: 50 }, (_, k) => (k + 1) / 100);

export function evaluateAggregate(docs: ScoredDocument[], prior: number, threshold: number): AggregateChoice {
  const r = classReport(docs.map((d) => ({ gold: d.gold, predicted: labelOf(articleScore(d.scores, prior), threshold) })));
  return { prior, threshold, macroF1: r.macroF1, accuracy: r.accuracy };
}

/**
 * Every (prior, threshold) of the grid, best macro-F1 first; ties go to the larger threshold, then the larger
 * prior (the more conservative labelling).
 */
export function rankAggregates(docs: ScoredDocument[], priors = PRIORS, thresholds = THRESHOLDS): AggregateChoice[] {
  const all = priors.flatMap((prior) => thresholds.map((threshold) => evaluateAggregate(docs, prior, threshold)));
  return all.sort((a, b) => b.macroF1 - a.macroF1 || b.threshold - a.threshold || b.prior - a.prior);
}
