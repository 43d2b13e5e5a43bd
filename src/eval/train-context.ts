// Training of the context head (src/core/author-context.ts): the author view of each labelled sentence re-decided
// from its out-of-fold probabilities and the mean of those of the same actor's other labelled sentences in its
// article. Stacked on the author model's out-of-fold probabilities, with the same folds by article.
import { contextFeatures } from '../core/author-context.js';
import { outOfFoldProbs, trainDense, type DenseExample } from './dense-lr.js';
import { macroF1OfProbs } from './scores.js';

const CONTEXT_L2_GRID = [1e-4, 3e-4, 1e-3, 3e-3];

type Probs = [number, number, number];

/** An author example as the context head needs it: its label (0 negative .. 2 positive) and its article. */
interface Labelled {
  label: number;
  group: string;
}

/**
 * The context head's examples (author-context.ts): each author example whose actor has other labelled sentences in
 * its article (the excerpt its labeller read), with its out-of-fold probabilities and the mean of theirs; `index`
 * is the example's place among the author examples.
 */
function contextExamples(author: Labelled[], byArticleActor: ReadonlyMap<string, number[]>, probs: Probs[]): Array<DenseExample & { index: number }> {
  const out: Array<DenseExample & { index: number }> = [];
  for (const idx of byArticleActor.values()) {
    if (idx.length < 2) continue;
    const sum = [0, 0, 0];
    for (const i of idx) for (let k = 0; k < 3; k++) sum[k] = (sum[k] as number) + ((probs[i] as number[])[k] as number);
    for (const i of idx) {
      const own = probs[i] as number[];
      const e = author[i] as Labelled;
      out.push({ x: contextFeatures(own, sum.map((s, k) => s - (own[k] as number)), idx.length - 1), y: e.label, group: e.group, index: i });
    }
  }
  return out;
}

/**
 * The context head, kept when its out-of-fold macro-F1 beats the author view alone over all author examples (same
 * folds by article; an example without context keeps its own view).
 */
export function chooseContext(author: Labelled[], byArticleActor: ReadonlyMap<string, number[]>, probs: Probs[], folds: number, report: string[]): { weights?: number[] } {
  const alone = macroF1OfProbs(author, probs);
  const examples = contextExamples(author, byArticleActor, probs);
  let best = { l2: 0, f1: alone };
  for (const l2 of CONTEXT_L2_GRID) {
    const inContext = probs.slice();
    outOfFoldProbs(examples, l2, folds).forEach((p, k) => {
      if (p) inContext[(examples[k] as { index: number }).index] = p;
    });
    const f1 = macroF1OfProbs(author, inContext);
    report.push(`author view in its article (context head, ${examples.length} sentences with context) cv l2=${l2} macro-F1=${f1.toFixed(4)} (sentence alone ${alone.toFixed(4)})`);
    if (f1 > best.f1) best = { l2, f1 };
  }
  if (best.f1 <= alone) return {};
  report.push(`author view in its article: the context head (l2=${best.l2}), out of fold ${best.f1.toFixed(4)} against ${alone.toFixed(4)} alone`);
  return { weights: trainDense(examples, best.l2) };
}
