// The author view in its article: an outlet's stance toward an actor persists from sentence to sentence, so a
// sentence whose own words say little ("Mr Trump intends to rehabilitate Russia's president") is read in the light
// of what the article's other sentences say of the same actor, as an analyst reading the whole article does. A
// small dense head (models/author.json `context`), trained on out-of-fold author probabilities, re-decides each
// sentence's author label from its own probabilities and the mean of the others'. Pure.
import { densePrediction } from './author.js';
import type { SentenceStance } from './stance.js';

/** bias, log P(negative, neutral, positive) of the sentence, the mean P of the actor's other sentences. */
export const CONTEXT_FEATURES = 7;

const FLOOR = 1e-4;

/**
 * The context head's input for one sentence: its own author probabilities and `others`, the sum of the author
 * probabilities of the actor's `count` (at least one) other sentences in the article.
 */
export function contextFeatures(own: readonly number[], others: readonly number[], count: number): Float64Array {
  const x = new Float64Array(CONTEXT_FEATURES);
  x[0] = 1;
  for (let c = 0; c < 3; c++) {
    x[1 + c] = Math.log(Math.max(FLOOR, own[c] as number));
    x[4 + c] = (others[c] as number) / count;
  }
  return x;
}

/**
 * Re-decides every stance's author prediction with the context head (3 x CONTEXT_FEATURES weights, class-major)
 * from its sentence-alone probabilities and the mean of those of the other sentences naming the same actor. An
 * actor named in one sentence has no context to read: its sentence keeps its own view. The article
 * label is not taken from these (aggregate.ts reads `authorAlone`): the article head already weighs the sentences
 * together, and the context would count each of them twice.
 */
export function authorInContext(stances: SentenceStance[], weights: readonly number[]): void {
  const sums = new Map<string, { probs: number[]; count: number }>();
  for (const s of stances) {
    const sum = sums.get(s.actor) ?? { probs: [0, 0, 0], count: 0 };
    for (let c = 0; c < 3; c++) sum.probs[c] = (sum.probs[c] as number) + (s.authorAlone.probs[c] as number);
    sum.count++;
    sums.set(s.actor, sum);
  }
  for (const s of stances) {
    const sum = sums.get(s.actor) as { probs: number[]; count: number };
    if (sum.count < 2) continue;
    const own = s.authorAlone.probs;
    const others = [0, 1, 2].map((c) => (sum.probs[c] as number) - (own[c] as number));
    s.author = densePrediction(weights, contextFeatures(own, others, sum.count - 1));
  }
}
