// B-cubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998): per item, the
// share of its cluster that shares its gold class (precision) and the share of its gold class inside its cluster
// (recall), averaged over items. Pure.

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
  items: number;
  goldClasses: number;
  predictedClusters: number;
}

/**
 * `gold` and `predicted` map each item to its class / cluster. Items missing from `predicted` count as singletons.
 * A gold class of null stands for an item in a class of its own (an unrelated article).
 */
export function bcubed(gold: Map<string, string | null>, predicted: Map<string, string>): BCubed {
  const goldOf = (item: string): string => gold.get(item) ?? `\u0000${item}`;
  const clusterOf = (item: string): string => predicted.get(item) ?? `\u0000${item}`;
  const goldSize = new Map<string, number>();
  const clusterSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const item of gold.keys()) {
    const g = goldOf(item);
    const c = clusterOf(item);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1);
    const key = `${c}\u0001${g}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const item of gold.keys()) {
    const g = goldOf(item);
    const c = clusterOf(item);
    const shared = both.get(`${c}\u0001${g}`) ?? 0;
    precision += shared / (clusterSize.get(c) ?? 1);
    recall += shared / (goldSize.get(g) ?? 1);
  }
  const n = gold.size;
  const p = n ? precision / n : 0;
  const r = n ? recall / n : 0;
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, items: n, goldClasses: goldSize.size, predictedClusters: clusterSize.size };
}
