// Per-sentence stance toward every actor mentioned in it. Pure.
import type { Mention } from './actors.js';
import { authorAttribution, authorPrediction, authorSilentAt, authorTerms, chargedByRejectedClaim, contentMass, defendedPrediction, experiencerOnly, gatedSentenceView, NEUTRAL_VIEW, learnedAuthorProbs, placeOf, voiceFeatures, voicePrediction, type AuthorHead, type AuthorLexicon } from './author.js';
import { authorExtras, foldedVector, meaningOfClause } from './author-vector.js';
import type { MeaningLogits, WordVectors } from './word-vectors.js';
import type { Attribution } from './attribution.js';
import { clearVector, emptyVector, type FeatureVector } from './feature-hash.js';
import { analyseTarget, prepareSentence, tokensOfSpans, type PreparedSentence, type Span, type TargetAnalysis } from './features.js';
import type { Lexicon, ScoredTerm } from './lexicon.js';
import { decide, fromProbs, logits, type Prediction, type StanceModel } from './model.js';
import type { Token } from './text.js';
import { sentenceVoices, type TokenMention, type VoiceContext, type VoiceFrame } from './voice.js';
import { actOn } from './voice-acts.js';
import { sideOf } from './voice-sides.js';
import { OBJECT_VERBS } from './voice-words.js';

/** A source's stance toward the actor in this sentence ("Peskov said NATO ..."). */
export interface SentenceVoice {
  speaker: string;
  speakerActor?: string;
  /** The speaker's stance toward the actor (voice head over the sentence view). */
  prediction: Prediction;
  /** The voice head's inputs (training). */
  features: Float64Array;
}

export interface SentenceStance {
  actor: string;
  sentence: string;
  mentions: number;
  /** Sentence view: everything the sentence says about the actor, quotes included (NewsMTSC's definition). */
  prediction: Prediction;
  /** Author view: the outlet's own voice only (the product's stance), read in its article (author-context.ts). */
  author: Prediction;
  /** The author view of this sentence read alone: what the article label and its evidence are taken from. */
  authorAlone: Prediction;
  /** Attribution of the author's own terms, per mention (author evidence). */
  authorAttributions: Attribution[];
  /** The author model's inputs for the actor's first mention (kept for training only, else empty). */
  authorFeatures: FeatureVector;
  /** The two parts of the author view for the first mention: learned model and gated sentence view (training). */
  authorParts: { learned: number[]; gated: number[] };
  /** Set when the actor's mention sits in reported content. */
  voice?: SentenceVoice;
  /** The analyses of the actor's mentions: their attributed terms are the evidence (`stanceTerms`); their
   * features are not kept (one scratch vector serves every target of every sentence). */
  analyses: TargetAnalysis[];
}

/** Lexicon terms attributed to the actor in the sentence, strongest first (only evidence needs them). */
export function stanceTerms(s: SentenceStance, view: 'author' | 'sentence' = 'author'): ScoredTerm[] {
  const byFirst = new Map<number, ScoredTerm>();
  const attributions = view === 'author' ? s.authorAttributions : s.analyses.map((a) => a.attribution);
  for (const a of attributions) {
    for (const t of a.terms) {
      if (byFirst.has(t.first)) continue;
      byFirst.set(t.first, { term: t.term, first: t.first, last: t.last, weight: t.weight * Math.sign(t.share), negated: t.negated, framing: t.framing });
    }
  }
  return [...byFirst.values()].sort(byStrength);
}

/** Does the author view attribute any term to the actor in this sentence? (`stanceTerms` without building them.) */
export const holdsAuthorTerms = (s: SentenceStance): boolean => s.authorAttributions.some((a) => a.terms.length > 0);

const byStrength = (a: ScoredTerm, b: ScoredTerm): number => Math.abs(b.weight) - Math.abs(a.weight);

/** Averages the predictions of several mentions of one actor in one sentence. */
function mergePredictions(predictions: Prediction[]): Prediction {
  if (predictions.length === 1) return predictions[0] as Prediction;
  const probs: [number, number, number] = [0, 0, 0];
  for (const p of predictions) for (let k = 0; k < 3; k++) probs[k] = (probs[k] as number) + (p.probs[k] as number) / predictions.length;
  return fromProbs(probs);
}

/** The tokens of every mention of `actor` in the sentence, in order (one referent for the author's attribution). */
function sameReferent(mentions: Mention[], actor: string, sentence: PreparedSentence, target: number[]): number[] {
  let out: number[] | undefined;
  for (let k = 0; k < mentions.length; k++) {
    const t = sentence.spanTokens[k] as number[];
    if ((mentions[k] as Mention).actor !== actor || t === target || t.length === 0) continue;
    (out ??= target.slice()).push(...t);
  }
  return out ? out.sort((a, b) => a - b) : target;
}

/** What `sentenceStances` keeps of an actor of the sentence besides its stance. */
interface ActorInSentence {
  /** Indices of the mentions of other actors, and the tokens of those that cover any. */
  rivals: number[];
  rivalTokens: number[][];
  /** The predictions of its mentions, once it has more than one (merged into the stance at the end). */
  predictions?: Prediction[];
  authors?: Prediction[];
  /** Per mention (with `authors`): is it in the author's own voice (not reported content, not a speaker)? */
  ownVoice?: boolean[];
  /** Is the first mention in the author's own voice? */
  firstOwn: boolean;
}

/** Indices of the mentions of other actors than `actor`, and the tokens of those that cover any. */
function rivalsOf(mentions: Mention[], actor: string, sentence: PreparedSentence): ActorInSentence {
  const rivals: number[] = [];
  for (let k = 0; k < mentions.length; k++) if ((mentions[k] as Mention).actor !== actor) rivals.push(k);
  return { rivals, rivalTokens: tokensOfSpans(sentence, rivals), firstOwn: true };
}

/**
 * The speaker's stance toward a reported target; a speech act with an object lends it the verb's weight, and the
 * object itself ("Kim praised Russia for ...") takes the act's polarity.
 */
function voiceOf(view: AuthorView, tokens: Token[], frame: VoiceFrame, prediction: Prediction, analysis: TargetAnalysis, terms: ScoredTerm[], target: number[], ownSide: boolean): SentenceVoice {
  const head = view.head;
  const act = actOn(tokens, frame, target);
  // The verb's weight is lent to its object only: "praised Russia for standing up to the US" praises no US.
  const verbTerm = act !== 0 ? terms.find((t) => t.first === frame.cueAt) : undefined;
  const cue = verbTerm !== undefined && OBJECT_VERBS.has(verbTerm.term) ? verbTerm.weight : 0;
  const features = voiceFeatures(prediction, analysis.attribution, cue, contentMass(tokens, terms, view.lexicon, frame), ownSide);
  // A source speaking of its own side defends it ("Iran's foreign ministry said Iran will continue defending
  // itself against ..."): 57 of 58 such voices in the training set are positive, 27 of 27 in the check set.
  const voice = act !== 0 ? fromProbs(act < 0 ? ACT_NEGATIVE : ACT_POSITIVE) : ownSide ? fromProbs(ACT_POSITIVE) : voicePrediction(head, features);
  return { speaker: frame.speaker, ...(frame.speakerActor ? { speakerActor: frame.speakerActor } : {}), prediction: voice, features };
}

const ACT_NEGATIVE: [number, number, number] = [0.8, 0.15, 0.05];
const ACT_POSITIVE: [number, number, number] = [0.05, 0.15, 0.8];

const PREPOSITIONS = new Set(['to', 'for', 'against', 'on', 'of', 'at', 'with', 'toward', 'towards', 'into', 'upon']);

/**
 * A source speaking of its own side as a prepositional complement ("Peskov said NATO's expansion was a threat to
 * Russia") is no voice on it: its own side is the one threatened there, not evaluated. As a subject or object it
 * is ("Altun said Türkiye shows its African brothers ...": a spokesman's praise of his country).
 */
const afterPreposition = (tokens: Token[], target: number[]): boolean =>
  PREPOSITIONS.has(tokens[(target[0] ?? 0) - 1]?.text ?? '') && !possessive(tokens[target[target.length - 1] ?? 0]);

/** "the peaceful nature of Iran's nuclear activities": a possessor owns what is evaluated; it is no complement. */
const possessive = (t: Token | undefined): boolean => t !== undefined && t.text.endsWith("'s");

/** What the author view needs besides the sentence-view model. */
export interface AuthorView {
  lexicon: AuthorLexicon;
  head: AuthorHead;
  /** What a target's clause means (word-vectors.ts): the vectors for training, else their logits under the model. */
  vectors?: WordVectors;
  meaning?: MeaningLogits;
  /** Keep every target's author features on its stance (training only). */
  keepFeatures?: boolean;
}

const EMPTY_FEATURES: FeatureVector = { ids: [], values: [] };
/** Scratch vectors of the scored target's features and author extras, cleared per target (see `clearVector`). */
const SCRATCH = emptyVector();
const EXTRAS = emptyVector();
/** The sentence's shared features: read only while its stances are worked out (the base logits). */
const SHARED = emptyVector();

/** Where the sentence stands in its article. */
export interface SentencePlace {
  context: VoiceContext;
  headline: boolean;
}

/**
 * Stance of the sentence toward each actor it mentions, in both views; mentions of other actors compete for
 * the terms. Reported voices are found once per sentence.
 */
export function sentenceStances(text: string, tokens: Token[], mentions: Mention[], lexicon: Lexicon, model: StanceModel, view: AuthorView, place: SentencePlace): { stances: SentenceStance[]; terms: ScoredTerm[] } {
  const spans: Span[] = [];
  for (const m of mentions) spans.push([m.start, m.end]);
  clearVector(SHARED);
  const sentence = prepareSentence(text, lexicon, spans, tokens, SHARED);
  const tokenMentions: TokenMention[] = [];
  sentence.spanTokens.forEach((g, k) => {
    if (g.length > 0) tokenMentions.push({ actor: (mentions[k] as Mention).actor, first: g[0] as number, last: g[g.length - 1] as number });
  });
  const voices = sentenceVoices(text, tokens, tokenMentions, place.context);
  const ownTerms = authorTerms(tokens, sentence.terms, view.lexicon, voices.frames, sentence.mention);
  let foilSentence = false;
  const extras = EXTRAS;
  const base = logits(model.weights, sentence.shared);
  // Per actor, in the order of its first mention (a sentence names few actors: arrays, not maps).
  const stances: SentenceStance[] = [];
  const actors: ActorInSentence[] = [];
  const scratch = SCRATCH;
  for (let k = 0; k < mentions.length; k++) {
    const actor = (mentions[k] as Mention).actor;
    const seen = stances.findIndex((x) => x.actor === actor);
    const { rivals, rivalTokens } = seen >= 0 ? (actors[seen] as ActorInSentence) : rivalsOf(mentions, actor, sentence);
    clearVector(scratch);
    const analysis = analyseTarget(sentence, spans[k] as Span, k, rivals, scratch, rivalTokens);
    foilSentence ||= analysis.role.foil;
    const prediction = decide(model, analysis, base);
    const targetTokens = sentence.spanTokens[k] as number[];
    const where = targetTokens.length > 0 ? placeOf(voices.frames, targetTokens) : {};
    const referent = sameReferent(mentions, actor, sentence, targetTokens);
    const own = targetTokens.length > 0 && ownTerms !== sentence.terms ? authorAttribution(sentence, ownTerms, referent, rivalTokens, analysis.role, view.lexicon) : analysis.attribution;
    clearVector(extras);
    authorExtras({
      sentence, own, sentenceView: prediction, foil: analysis.role.foil, reportedFrame: where.reported,
      speaking: where.speaking !== undefined, headline: place.headline, attributed: voices.frames.length > 0, scareQuotes: voices.scareQuotes.length,
      judgementWords: view.lexicon.terms, ...(view.vectors ? { vectors: view.vectors, target: targetTokens[0] } : {}),
    }, extras);
    const learned = learnedAuthorProbs(view.head, [analysis.features, extras], meaningOfClause(view.meaning, sentence, targetTokens[0]));
    const gated = gatedSentenceView(prediction, own, where, foilSentence);
    // Rule 5: an explicit contrast ("unlike X, Y ...") is the sentence model's structure; the author view keeps it.
    // So is a defence by accusation ("the West keeps smearing China"): the sentence view reads the smear as said of
    // China; the author who calls it a smear takes China's side, so the sentence view's polarity is reversed.
    // A target inside a claim the author rejects ("a false narrative that portrays China as aggressive") is
    // defended by the same reversal when the rejection names it as the one charged.
    // So is a target that a rejected claim charges ("Pompeo falsely accused China of ...", "erroneously accuses").
    const rejected = where.reported !== undefined && chargedByRejectedClaim(tokens, where.reported, targetTokens[0] as number);
    const defended = (rejected || (own.accused > 0 && gated !== NEUTRAL_VIEW)) && prediction.probs[0] > prediction.probs[2];
    const author = foilSentence && gated !== NEUTRAL_VIEW ? fromProbs(gated) : defended ? defendedPrediction(view.head, prediction) : experiencerOnly(tokens, targetTokens.at(-1) ?? -1, own, view.lexicon.feelings) ? fromProbs(NEUTRAL_VIEW) : authorPrediction(view.head, learned, gated);
    const features = view.keepFeatures ? foldedVector([analysis.features, extras]) : EMPTY_FEATURES;
    // A source speaking of its own side as the one threatened ("Peskov said ... a threat to Russia") is no voice on it.
    const ownSide = where.reported !== undefined && sideOf(place.context.sides, where.reported.speakerActor) === actor;
    const voice = where.reported && (!ownSide || !afterPreposition(tokens, targetTokens)) ? voiceOf(view, tokens, where.reported, prediction, analysis, sentence.terms, targetTokens, ownSide) : undefined;
    const ownVoice = !authorSilentAt(where);
    if (seen < 0) {
      stances.push({ actor, sentence: text, mentions: 1, prediction, author, authorAlone: author, authorAttributions: [own], authorFeatures: features, authorParts: { learned, gated }, voice, analyses: [analysis] });
      actors.push({ rivals, rivalTokens, firstOwn: ownVoice });
    } else {
      const stance = stances[seen] as SentenceStance;
      const of = actors[seen] as ActorInSentence;
      stance.mentions++;
      stance.analyses.push(analysis);
      stance.authorAttributions.push(own);
      stance.voice ??= voice;
      // The stance still holds its first mention's predictions: they are merged below.
      (of.predictions ??= [stance.prediction]).push(prediction);
      (of.authors ??= [stance.author]).push(author);
      (of.ownVoice ??= [of.firstOwn]).push(ownVoice);
    }
  }
  stances.forEach((s, j) => {
    const of = actors[j] as ActorInSentence;
    if (of.predictions) s.prediction = mergePredictions(of.predictions);
    if (of.authors) s.author = mergePredictions(ownVoiceFirst(of.authors, of.ownVoice as boolean[]));
  });
  shareJoinedStances(stances);
  for (const s of stances) s.authorAlone = s.author;
  return { stances, terms: sentence.terms };
}

/**
 * The author predictions of an actor's mentions that speak for the author: those in its own voice when there
 * are any ("NATO's overreach ..., as he tried to peddle the notion that \"... matters to NATO\"": the quoted
 * mention says nothing of the author's stance and does not dilute the other), else all of them.
 */
function ownVoiceFirst(authors: Prediction[], ownVoice: boolean[]): Prediction[] {
  const own = authors.filter((_, i) => ownVoice[i]);
  return own.length > 0 && own.length < authors.length ? own : authors;
}

/** The author's own attributed terms of a stance's single mention, or undefined (several mentions, a voice, none). */
function ownTermsOf(s: SentenceStance): AttributedShare[] | undefined {
  if (s.mentions !== 1 || s.voice !== undefined) return undefined;
  const terms = (s.authorAttributions[0] as Attribution).terms;
  return terms.length === 0 ? undefined : terms;
}

type AttributedShare = Attribution['terms'][number];

/** The same terms at the same shares. */
function sameShares(a: AttributedShare[], b: AttributedShare[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as AttributedShare;
    const y = b[i] as AttributedShare;
    if (x.first !== y.first || x.share !== y.share) return false;
  }
  return true;
}

/**
 * Targets joined in one phrase ("promoted by Chinese President Xi Jinping and his Russian counterpart Vladimir
 * Putin") that the author's own words reach alike (the same terms at the same shares) get one author stance: the
 * mean of theirs. What told them apart was only where each stands in the phrase, not anything said of it.
 */
function shareJoinedStances(stances: SentenceStance[]): void {
  if (stances.length < 2) return;
  const own = stances.map(ownTermsOf);
  for (let i = 0; i < stances.length; i++) {
    const terms = own[i];
    if (terms === undefined) continue;
    const same: number[] = [i];
    for (let j = i + 1; j < stances.length; j++) {
      const other = own[j];
      if (other !== undefined && sameShares(terms, other)) same.push(j);
    }
    if (same.length < 2) continue;
    const merged = mergePredictions(same.map((j) => (stances[j] as SentenceStance).author));
    for (const j of same) {
      (stances[j] as SentenceStance).author = merged;
      own[j] = undefined;
    }
  }
}
