// Author view: the stance the outlet takes toward a target in its own voice. Reported content, plain events and
// feelings of an experiencer carry none of it; praise words, role nouns and defence framing do. Pure.
import type { AccusationWords } from './accusation.js';
import { attribute, type Attribution, type SentenceShape, type TargetRole } from './attribution.js';
import type { Lexicon, ScoredTerm } from './lexicon.js';
import type { FeatureVector } from './feature-hash.js';
import { authorLogits } from './author-vector.js';
import { fromProbs, softmax, type Prediction } from './model.js';
import type { Token } from './text.js';
import { frameHolding, frameSpokenBy, type VoiceFrame } from './voice.js';
import { inRanges } from './voice-tokens.js';
import { REJECT_MARKERS } from './voice-words.js';
import { mayHold, wordFilter, type WordFilter } from './word-filter.js';
import { squash } from './squash.js';

export { experiencerOnly } from './experiencer.js';

/** Author-view vocabulary (config/lexicon/author.yaml), as plain data. */
export interface AuthorLexiconData {
  /** Words that tell an event (attack, sanctions, war): no stance unless negated (defence: "never invaded"). */
  events: string[];
  /** Feelings of an experiencer (alarmed, worried): no stance toward anyone. */
  feelings: string[];
  /** Own-voice evaluative words the general lexicons miss: praise, role nouns ("troublemaker"). */
  terms: Record<string, number>;
  /** Verbs of unjust accusation (smear, slander, demonize): the author defends their object, blames their subject. */
  accusations: string[];
  /** Nouns that call a claim false by themselves (disinformation, fabrications): what they are about is defended. */
  falsehoods: string[];
  /** Words that call the charge after them false (baseless, bogus, so-called): the one charged is defended. */
  dismissals: string[];
  /** Nouns of a charge (accusations, claims, allegations) that a dismissal can call false. */
  charges: string[];
}

export interface AuthorLexicon extends AccusationWords {
  events: Set<string>;
  feelings: Set<string>;
  terms: Map<string, number>;
  /** Every word of the four lists: one lookup per token tells whether the author view changes anything. */
  any: Set<string>;
  /** The same words as a filter on token hashes, checked before `any`, `terms` and `events`. */
  filter: WordFilter;
}

export function compileAuthorLexicon(data: AuthorLexiconData): AuthorLexicon {
  const any = new Set([...data.events, ...data.feelings, ...Object.keys(data.terms), ...data.accusations, ...data.falsehoods, ...data.dismissals]);
  return {
    events: new Set(data.events), feelings: new Set(data.feelings), terms: new Map(Object.entries(data.terms)), accusations: new Set(data.accusations),
    falsehoods: new Set(data.falsehoods), dismissals: new Set(data.dismissals), charges: new Set(data.charges), any, filter: wordFilter(any),
  };
}

/** Does the author view change any term of the sentence (a frame, or a word of the author lexicon)? */
function authorViewApplies(tokens: Token[], lexicon: AuthorLexicon, frames: VoiceFrame[], skip: Uint8Array): boolean {
  if (frames.length > 0) return true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!skip[i] && mayHold(lexicon.filter, t.hash) && lexicon.any.has(t.text)) return true;
  }
  return false;
}

/** Weight of a negated event ("has never invaded", "never sought an inch"): a defence of the subject. */
const DEFENCE_WEIGHT = 2;

/**
 * The sentence's terms as the author holds them (the very `terms` array when none of this applies): events and feelings dropped (a negated event becomes a defence),
 * author-only words added, and terms inside reported content left out unless the author adopts it.
 */
export function authorTerms(tokens: Token[], terms: ScoredTerm[], lexicon: AuthorLexicon, frames: VoiceFrame[], skip: Uint8Array): ScoredTerm[] {
  if (!authorViewApplies(tokens, lexicon, frames, skip)) return terms;
  const out: ScoredTerm[] = [];
  const taken = new Uint8Array(tokens.length);
  const cues = new Set(frames.map((f) => f.cueAt));
  let ordered = true;
  for (const t of terms) {
    ordered &&= out.length === 0 || (out[out.length - 1] as ScoredTerm).first < t.first;
    for (let i = t.first; i <= t.last; i++) taken[i] = 1;
    // The reporting verb is the speaker's act ("warned", "accused"), not the author's judgement of anyone.
    if (cues.has(t.first)) continue;
    const f = frameHolding(frames, t.first, t.last);
    if (f && f.adoption !== 1) continue;
    if (lexicon.feelings.has(t.term)) continue;
    if (lexicon.events.has(t.term)) {
      if (t.negated) out.push({ ...t, weight: DEFENCE_WEIGHT, framing: false });
      continue;
    }
    out.push(t);
  }
  const own: ScoredTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || skip[i] || !mayHold(lexicon.filter, (tokens[i] as Token).hash)) continue;
    const text = (tokens[i] as Token).text;
    const w = lexicon.terms.get(text);
    const event = w === undefined && lexicon.events.has(text);
    if (w === undefined && !event) continue;
    const f = frameHolding(frames, i, i);
    if (f && f.adoption !== 1) continue;
    const negated = negatedBefore(tokens, i);
    if (event) {
      if (negated) own.push({ term: text, first: i, last: i, weight: DEFENCE_WEIGHT, negated, framing: false });
      continue;
    }
    own.push({ term: text, first: i, last: i, weight: (w as number) * (negated ? -0.74 : 1), negated, framing: false });
  }
  return ordered ? mergeByFirst(out, own) : [...out, ...own].sort((a, b) => a.first - b.first);
}

/** Two lists of terms in token order, at distinct tokens, as one list in token order (what sorting them gives). */
function mergeByFirst(a: ScoredTerm[], b: ScoredTerm[]): ScoredTerm[] {
  if (b.length === 0) return a;
  const out: ScoredTerm[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as ScoredTerm).first < (b[j] as ScoredTerm).first)) out.push(a[i++] as ScoredTerm);
    else out.push(b[j++] as ScoredTerm);
  }
  return out;
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

/** A target in reported content (not adopted, not a passive report) or in a speaker's phrase: the author says nothing of it there. */
export const authorSilentAt = (place: VoicePlace): boolean =>
  (place.reported !== undefined && place.reported.adoption !== 1 && !place.reported.passive) || place.speaking !== undefined;

/** Words between a rejected speech act and the one it charges, at most ("accused the Communist Party of China"). */
const CHARGED_WITHIN = 8;

/**
 * A target charged by a claim the author rejects at the speech act itself: a rejection marker right before or
 * after the cue ("falsely accused China of", "has wrongly claimed that Russia", "claimed falsely"), the target a
 * few words after it. A marker elsewhere in the sentence may be the speaker's or about something else.
 */
export function chargedByRejectedClaim(tokens: Token[], frame: VoiceFrame, target: number): boolean {
  if (frame.adoption !== -1 || frame.cueAt < 0 || target <= frame.cueAt || target > frame.cueAt + CHARGED_WITHIN) return false;
  for (let i = Math.max(0, frame.cueAt - 2); i <= frame.cueAt + 1; i++) if (i !== frame.cueAt && REJECT_MARKERS.has(tokens[i]?.text ?? '')) return true;
  return false;
}

export const placeOf = (frames: VoiceFrame[], target: number[]): VoicePlace => {
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  return { reported: frameHolding(frames, first, last), speaking: frameSpokenBy(frames, first, last) };
};

/** Number of dense features of the voice head. */
export const VOICE_FEATURES = 11;

/**
 * Evaluative mass inside a frame's content, as the speaker holds it: the sentence's terms there plus the words
 * of the author-view vocabulary (a source's "provocations" are its evaluation), [negative, positive].
 */
export function contentMass(tokens: Token[], terms: ScoredTerm[], lexicon: AuthorLexicon, frame: VoiceFrame): [number, number] {
  let neg = 0;
  let pos = 0;
  const taken = new Set<number>();
  for (const t of terms) {
    if (!inRanges(frame.content, t.first) || lexicon.feelings.has(t.term)) continue;
    for (let i = t.first; i <= t.last; i++) taken.add(i);
    if (t.weight < 0) neg -= t.weight;
    else pos += t.weight;
  }
  for (const [a, b] of frame.content) {
    for (let i = a; i <= b; i++) {
      const w = taken.has(i) ? undefined : lexicon.terms.get((tokens[i] as Token | undefined)?.text ?? '');
      if (w === undefined) continue;
      if (w < 0) neg -= w;
      else pos += w;
    }
  }
  return [neg, pos];
}

/**
 * Dense features of a reported target for the voice head: the sentence view and, for a speech act with an
 * object ("accused Manila of"), the verb's own weight.
 */
export function voiceFeatures(sentenceView: Prediction, a: Attribution, cueWeight: number, mass: readonly [number, number], ownSide: boolean): Float64Array {
  const f = new Float64Array(VOICE_FEATURES);
  f[0] = 1;
  f[1] = sentenceView.score;
  f[2] = sentenceView.probs[0];
  f[3] = sentenceView.probs[2];
  f[4] = squash(a.negative);
  f[5] = squash(a.positive);
  f[6] = squash(Math.max(0, -cueWeight));
  f[7] = squash(Math.max(0, cueWeight));
  f[8] = squash(mass[0]);
  f[9] = squash(mass[1]);
  // A source speaking of its own side ("Hua said China's position is consistent and clear") defends it: 57 of 58
  // such voices in the training set are positive.
  f[10] = ownSide ? 1 : 0;
  return f;
}

/** The author model and the voice head (models/author.json). */
export interface AuthorHead {
  /** Dense hashed weights of the author model, 3 per bucket (see `authorVector`). */
  weights: Float32Array;
  /** 3 x VOICE_FEATURES weights of the voice head. */
  voice: number[];
  /** Weight of the learned model against the gated sentence view, in [0, 1]. */
  blend: number;
  /** Added to the neutral probability before the label is taken (news calibration). */
  neutralMargin: number;
  /** 3 x CONTEXT_FEATURES weights of the context head (author-context.ts), when the model has one. */
  context?: readonly number[];
}

/** Softmax prediction of a dense head with class-major weights. */
export function densePrediction(weights: readonly number[], features: Float64Array): Prediction {
  const n = features.length;
  const z: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += (weights[c * n + k] ?? 0) * (features[k] as number);
    z[c] = s;
  }
  return fromProbs(softmax(z));
}

/** The learned author model alone. */
/** `base`: logits the features do not hold (the clause's meaning, word-vectors.ts). */
export const learnedAuthorProbs = (head: AuthorHead, parts: readonly FeatureVector[], base?: readonly [number, number, number]): [number, number, number] =>
  softmax(authorLogits(head.weights, parts, base));

/** Neutral as a distribution, for the gated sentence view of a target the author says nothing about. */
export const NEUTRAL_VIEW: [number, number, number] = [0.05, 0.9, 0.05];

/**
 * The sentence view where the author's own voice is at work: the target is neither reported nor speaking and
 * own-voice terms are attributed to it (or it is a foil of the sentence's contrast); else neutral. Keeps the
 * sentence model's structure (foils, bound terms) for what the author says itself.
 */
export function gatedSentenceView(sentenceView: Prediction, own: Attribution, place: VoicePlace, foil: boolean): [number, number, number] {
  if (authorSilentAt(place)) return NEUTRAL_VIEW;
  return own.terms.length > 0 || foil ? sentenceView.probs : NEUTRAL_VIEW;
}

/** The author view: the learned model blended with the gated sentence view (the weight is chosen in training). */
export function authorPrediction(head: AuthorHead, learned: readonly number[], gated: readonly number[]): Prediction {
  return fromProbs(blendProbs(head.blend, head.neutralMargin, learned, gated));
}

const mixed = (blend: number, learned: readonly number[], gated: readonly number[], k: number): number =>
  blend * (learned[k] as number) + (1 - blend) * (gated[k] as number);

/**
 * The blend, then the neutral class calibrated for news (most mentions are neutral): a polar label needs to lead
 * neutral by `neutralMargin` (chosen on the in-domain training data, not on NewsMTSC's class mix).
 */
export function blendProbs(blend: number, neutralMargin: number, learned: readonly number[], gated: readonly number[]): [number, number, number] {
  const negative = mixed(blend, learned, gated, 0);
  const neutral = mixed(blend, learned, gated, 1) + neutralMargin;
  const positive = mixed(blend, learned, gated, 2);
  const total = negative + neutral + positive;
  return [negative / total, neutral / total, positive / total];
}

/** A target defended by the author's accusation of its accuser: the sentence view's polarity reversed, with the news margin. */
export function defendedPrediction(head: AuthorHead, sentenceView: Prediction): Prediction {
  const [negative, neutral, positive] = sentenceView.probs;
  const reversed = [positive, neutral, negative];
  return fromProbs(blendProbs(0, head.neutralMargin, reversed, reversed));
}

export const voicePrediction = (head: AuthorHead, features: Float64Array): Prediction => densePrediction(head.voice, features);

/** Attribution of the author's own terms to the target (verbs of unjust accusation go to the accused and the accuser). */
export const authorAttribution = (s: SentenceShape, terms: ScoredTerm[], target: number[], others: number[][], role: TargetRole, lexicon: AuthorLexicon): Attribution =>
  attribute(s, terms, target, others, { ...role, speaker: false }, lexicon);

export type { Lexicon };
