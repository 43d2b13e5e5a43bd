// Author view: the stance the outlet takes toward a target in its own voice. Reported content, plain events and
// feelings of an experiencer carry none of it; praise words, role nouns and defence framing do. Pure.
import { attribute, type Attribution, type SentenceShape, type TargetRole } from './attribution.js';
import type { Lexicon, ScoredTerm } from './lexicon.js';
import { fromProbs, softmax, type Prediction } from './model.js';
import type { Token } from './text.js';
import { frameHolding, frameSpokenBy, type VoiceFrame } from './voice.js';

/** Author-view vocabulary (config/lexicon/author.yaml), as plain data. */
export interface AuthorLexiconData {
  /** Words that tell an event (attack, sanctions, war): no stance unless negated (defence: "never invaded"). */
  events: string[];
  /** Feelings of an experiencer (alarmed, worried): no stance toward anyone. */
  feelings: string[];
  /** Own-voice evaluative words the general lexicons miss: praise, role nouns ("troublemaker"). */
  terms: Record<string, number>;
}

export interface AuthorLexicon {
  events: Set<string>;
  feelings: Set<string>;
  terms: Map<string, number>;
}

export const compileAuthorLexicon = (data: AuthorLexiconData): AuthorLexicon => ({
  events: new Set(data.events),
  feelings: new Set(data.feelings),
  terms: new Map(Object.entries(data.terms)),
});

/** Weight of a negated event ("has never invaded", "never sought an inch"): a defence of the subject. */
const DEFENCE_WEIGHT = 2;

/**
 * The sentence's terms as the author holds them: events and feelings dropped (a negated event becomes a defence),
 * author-only words added, and terms inside reported content left out unless the author adopts it.
 */
export function authorTerms(tokens: Token[], terms: ScoredTerm[], lexicon: AuthorLexicon, frames: VoiceFrame[], skip: Uint8Array): ScoredTerm[] {
  const out: ScoredTerm[] = [];
  const taken = new Uint8Array(tokens.length);
  for (const t of terms) {
    for (let i = t.first; i <= t.last; i++) taken[i] = 1;
    const f = frameHolding(frames, t.first, t.last);
    if (f && f.adoption !== 1) continue;
    if (lexicon.feelings.has(t.term)) continue;
    if (lexicon.events.has(t.term)) {
      if (t.negated) out.push({ ...t, weight: DEFENCE_WEIGHT, framing: false });
      continue;
    }
    out.push(t);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || skip[i]) continue;
    const text = (tokens[i] as Token).text;
    const w = lexicon.terms.get(text);
    const event = w === undefined && lexicon.events.has(text);
    if (w === undefined && !event) continue;
    const f = frameHolding(frames, i, i);
    if (f && f.adoption !== 1) continue;
    const negated = negatedBefore(tokens, i);
    if (event) {
      if (negated) out.push({ term: text, first: i, last: i, weight: DEFENCE_WEIGHT, negated, framing: false });
      continue;
    }
    out.push({ term: text, first: i, last: i, weight: (w as number) * (negated ? -0.74 : 1), negated, framing: false });
  }
  return out.sort((a, b) => a.first - b.first);
}

/** A negator up to six words before, inside the clause (defence reaches further than lexicon negation). */
function negatedBefore(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    const t = tokens[j] as Token;
    if (t.punct && t.text !== '-' && t.text !== "'") return false;
    if (t.text === 'never' || t.text === 'not' || t.text === 'no' || t.text.endsWith("n't")) return true;
  }
  return false;
}

/** How the target stands toward the voices of its sentence. */
export interface VoicePlace {
  /** Frame whose content holds the target. */
  reported?: VoiceFrame;
  /** Frame whose speaker phrase holds the target. */
  speaking?: VoiceFrame;
}

export const placeOf = (frames: VoiceFrame[], target: number[]): VoicePlace => {
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  return { reported: frameHolding(frames, first, last), speaking: frameSpokenBy(frames, first, last) };
};

/** Number of dense features of the author head. */
export const AUTHOR_FEATURES = 14;

/** Dense features of one target for the author head. */
export function authorFeatures(a: Attribution, sentenceView: Prediction, place: VoicePlace, headline: boolean, attributed: boolean): Float64Array {
  const squash = (x: number): number => Math.tanh(x / 4);
  const reported = place.reported !== undefined && place.reported.adoption !== 1;
  const rejected = place.reported?.adoption === -1;
  const f = new Float64Array(AUTHOR_FEATURES);
  f[0] = 1;
  f[1] = reported ? 1 : 0;
  f[2] = place.reported?.adoption === 1 ? 1 : 0;
  f[3] = place.speaking ? 1 : 0;
  f[4] = squash(a.negative);
  f[5] = squash(a.positive);
  f[6] = squash(a.ownNegative);
  f[7] = squash(a.ownPositive);
  f[8] = squash(a.boundNegative);
  f[9] = squash(a.boundPositive);
  f[10] = reported ? 0 : sentenceView.score;
  f[11] = rejected ? -sentenceView.score : 0;
  f[12] = headline ? 1 : 0;
  f[13] = attributed ? 1 : 0;
  return f;
}

/** The author head: a small multinomial logistic regression over `authorFeatures` (models/author.json). */
export interface AuthorHead {
  /** 3 x AUTHOR_FEATURES weights, class-major (negative, neutral, positive). */
  weights: number[];
}

export function authorPrediction(head: AuthorHead, features: Float64Array): Prediction {
  const z: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    let s = 0;
    for (let k = 0; k < AUTHOR_FEATURES; k++) s += (head.weights[c * AUTHOR_FEATURES + k] ?? 0) * (features[k] as number);
    z[c] = s;
  }
  return fromProbs(softmax(z));
}

/** Attribution of the author's own terms to the target. */
export const authorAttribution = (s: SentenceShape, terms: ScoredTerm[], target: number[], others: number[][], role: TargetRole): Attribution =>
  attribute(s, terms, target, others, { ...role, speaker: false });

export type { Lexicon };
