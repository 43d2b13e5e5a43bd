// Per-sentence stance toward every actor mentioned in it. Pure.
import type { Mention } from './actors.js';
import { analyseTarget, prepareSentence, type Span, type TargetAnalysis } from './features.js';
import type { Lexicon, ScoredTerm } from './lexicon.js';
import { decide, logits, type Prediction, type StanceModel } from './model.js';
import type { Token } from './text.js';

export interface SentenceStance {
  actor: string;
  sentence: string;
  mentions: number;
  prediction: Prediction;
  /** Lexicon terms attributed to the actor, strongest first (computed when asked: only evidence needs them). */
  terms: () => ScoredTerm[];
}

/** Averages the predictions of several mentions of one actor in one sentence. */
function mergePredictions(predictions: Prediction[]): Prediction {
  if (predictions.length === 1) return predictions[0] as Prediction;
  const probs: [number, number, number] = [0, 0, 0];
  for (const p of predictions) for (let k = 0; k < 3; k++) probs[k] = (probs[k] as number) + (p.probs[k] as number) / predictions.length;
  const best = probs.indexOf(Math.max(...probs));
  return { label: (['negative', 'neutral', 'positive'] as const)[best] ?? 'neutral', probs, score: probs[2] - probs[0] };
}

function mergeTerms(analyses: TargetAnalysis[]): ScoredTerm[] {
  const byFirst = new Map<number, ScoredTerm>();
  for (const a of analyses) for (const t of a.attribution.terms) if (!byFirst.has(t.first)) byFirst.set(t.first, { ...t, weight: t.weight * Math.sign(t.share) });
  return [...byFirst.values()].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

/** Stance of the sentence toward each actor it mentions; mentions of other actors compete for the terms. */
export function sentenceStances(text: string, tokens: Token[], mentions: Mention[], lexicon: Lexicon, model: StanceModel): { stances: SentenceStance[]; terms: ScoredTerm[] } {
  const spans: Span[] = mentions.map((m) => [m.start, m.end]);
  const sentence = prepareSentence(text, lexicon, spans, tokens);
  const base = logits(model.weights, sentence.shared);
  const byActor = new Map<string, number[]>();
  mentions.forEach((m, k) => {
    const list = byActor.get(m.actor);
    if (list) list.push(k);
    else byActor.set(m.actor, [k]);
  });
  const stances: SentenceStance[] = [];
  for (const [actor, own] of byActor) {
    const others = mentions.flatMap((m, k) => (m.actor === actor ? [] : [k]));
    const analyses = own.map((k) => analyseTarget(sentence, spans[k] as Span, k, others));
    stances.push({
      actor,
      sentence: text,
      mentions: own.length,
      prediction: mergePredictions(analyses.map((a) => decide(model, a, base))),
      terms: () => mergeTerms(analyses),
    });
  }
  return { stances, terms: sentence.terms };
}
