// Per-sentence stance toward every actor mentioned in it. Pure.
import type { Mention } from './actors.js';
import { clearVector, emptyVector } from './feature-hash.js';
import { analyseTarget, prepareSentence, type Span, type TargetAnalysis } from './features.js';
import type { Lexicon, ScoredTerm } from './lexicon.js';
import { decide, fromProbs, logits, type Prediction, type StanceModel } from './model.js';
import type { Token } from './text.js';

export interface SentenceStance {
  actor: string;
  sentence: string;
  mentions: number;
  prediction: Prediction;
  /** The analyses of the actor's mentions: their attributed terms are the evidence (`stanceTerms`); their
   * features are not kept (one scratch vector serves every target). */
  analyses: TargetAnalysis[];
}

/** Lexicon terms attributed to the actor in the sentence, strongest first (only evidence needs them). */
export function stanceTerms(s: SentenceStance): ScoredTerm[] {
  const byFirst = new Map<number, ScoredTerm>();
  for (const a of s.analyses) {
    for (const t of a.attribution.terms) {
      if (byFirst.has(t.first)) continue;
      byFirst.set(t.first, { term: t.term, first: t.first, last: t.last, weight: t.weight * Math.sign(t.share), negated: t.negated, framing: t.framing });
    }
  }
  return [...byFirst.values()].sort(byStrength);
}

const byStrength = (a: ScoredTerm, b: ScoredTerm): number => Math.abs(b.weight) - Math.abs(a.weight);

/** Averages the predictions of several mentions of one actor in one sentence. */
function mergePredictions(predictions: Prediction[]): Prediction {
  if (predictions.length === 1) return predictions[0] as Prediction;
  const probs: [number, number, number] = [0, 0, 0];
  for (const p of predictions) for (let k = 0; k < 3; k++) probs[k] = (probs[k] as number) + (p.probs[k] as number) / predictions.length;
  return fromProbs(probs);
}

/** Indices of the mentions of other actors than `actor`. */
function othersOf(mentions: Mention[], actor: string): number[] {
  const out: number[] = [];
  for (let k = 0; k < mentions.length; k++) if ((mentions[k] as Mention).actor !== actor) out.push(k);
  return out;
}

/** Stance of the sentence toward each actor it mentions; mentions of other actors compete for the terms. */
export function sentenceStances(text: string, tokens: Token[], mentions: Mention[], lexicon: Lexicon, model: StanceModel): { stances: SentenceStance[]; terms: ScoredTerm[] } {
  const spans: Span[] = [];
  for (const m of mentions) spans.push([m.start, m.end]);
  const sentence = prepareSentence(text, lexicon, spans, tokens);
  const base = logits(model.weights, sentence.shared);
  const byActor = new Map<string, SentenceStance>();
  const predictions = new Map<string, Prediction[]>();
  const others = new Map<string, number[]>();
  const scratch = emptyVector();
  for (let k = 0; k < mentions.length; k++) {
    const actor = (mentions[k] as Mention).actor;
    let rivals = others.get(actor);
    if (!rivals) others.set(actor, (rivals = othersOf(mentions, actor)));
    clearVector(scratch);
    const analysis = analyseTarget(sentence, spans[k] as Span, k, rivals, scratch);
    const prediction = decide(model, analysis, base);
    const stance = byActor.get(actor);
    if (!stance) {
      byActor.set(actor, { actor, sentence: text, mentions: 1, prediction, analyses: [analysis] });
      predictions.set(actor, [prediction]);
    } else {
      stance.mentions++;
      stance.analyses.push(analysis);
      predictions.get(actor)?.push(prediction);
    }
  }
  const stances = [...byActor.values()];
  for (const s of stances) if (s.mentions > 1) s.prediction = mergePredictions(predictions.get(s.actor) ?? []);
  return { stances, terms: sentence.terms };
}
