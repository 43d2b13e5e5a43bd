// Text form of a classification report (eval commands). Pure.
import type { ClassReport } from './scores.js';
import { LABELS } from '../core/model.js';

const pct = (x: number): string => x.toFixed(4);

export function formatReport(file: string, r: ClassReport): string {
  const rows = LABELS.map((gold, k) => `  ${gold.padEnd(9)} ${(r.confusion[k] as number[]).map((n) => String(n).padStart(8)).join('')}`);
  return [
    `${file}: ${r.n} labelled targets`,
    `macro-F1 ${pct(r.macroF1)}  accuracy ${pct(r.accuracy)}`,
    `F1 ${LABELS.map((l) => `${l} ${pct(r.f1[l])}`).join('  ')}`,
    `confusion (rows gold, columns predicted: ${LABELS.join(', ')})`,
    ...rows,
  ].join('\n');
}
