// Classification metrics over negative/neutral/positive. Pure.
import { fromProbs, LABELS } from '../core/model.js';
import type { StanceLabel } from '../core/types.js';

export interface ClassReport {
  macroF1: number;
  accuracy: number;
  /** F1 per label. */
  f1: Record<StanceLabel, number>;
  /** confusion[gold][predicted], in LABELS order. */
  confusion: number[][];
  n: number;
}

export function classReport(pairs: Array<{ gold: StanceLabel; predicted: StanceLabel }>): ClassReport {
  const confusion = LABELS.map(() => LABELS.map(() => 0));
  for (const { gold, predicted } of pairs) {
    const row = confusion[LABELS.indexOf(gold)] as number[];
    row[LABELS.indexOf(predicted)] = (row[LABELS.indexOf(predicted)] as number) + 1;
  }
  const f1 = {} as Record<StanceLabel, number>;
  LABELS.forEach((label, k) => {
    const tp = confusion[k]?.[k] ?? 0;
    const goldN = (confusion[k] as number[]).reduce((a, b) => a + b, 0);
    const predN = confusion.reduce((a, row) => a + (row[k] as number), 0);
    f1[label] = tp === 0 ? 0 : (2 * tp) / (goldN + predN);
  });
  const correct = LABELS.reduce((a, _, k) => a + (confusion[k]?.[k] ?? 0), 0);
  return {
    macroF1: (f1.negative + f1.neutral + f1.positive) / 3,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    f1,
    confusion,
    n: pairs.length,
  };
}

/** Macro-F1 of examples labelled 0 negative .. 2 positive against the most probable label of their probabilities. */
export function macroF1OfProbs(examples: ReadonlyArray<{ label: number }>, probs: ReadonlyArray<[number, number, number]>): number {
  return classReport(examples.map((e, i) => ({ gold: LABELS[e.label] as StanceLabel, predicted: fromProbs(probs[i] as [number, number, number]).label }))).macroF1;
}
