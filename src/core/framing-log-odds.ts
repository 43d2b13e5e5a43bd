// Distinctive framing terms of one group of texts against the rest: the log-odds ratio with an informative
// Dirichlet prior, as z-scores (Monroe, Colaresi & Quinn 2008, "Fightin' Words"). Terms are stop-listed content
// words and bigrams of adjacent content words, lower-cased as written (no stemming: they are shown). Pure.
import { isContentWord } from './story-terms.js';
import { normaliseText, splitSentences, tokenize } from './text.js';

export type TermCounts = Map<string, number>;

/** Unigram and bigram counts of a text, leaving out `skip` words (the outlets' own names). */
export function countTerms(text: string, skip: ReadonlySet<string> = new Set(), into: TermCounts = new Map()): TermCounts {
  for (const sentence of splitSentences(normaliseText(text))) {
    let previous: string | undefined;
    for (const t of tokenize(sentence)) {
      const word = t.text.endsWith("'s") ? t.text.slice(0, -2) : t.text;
      if (t.punct || !isContentWord(word) || skip.has(word)) {
        previous = undefined;
        continue;
      }
      into.set(word, (into.get(word) ?? 0) + 1);
      if (previous !== undefined) {
        const bigram = `${previous} ${word}`;
        into.set(bigram, (into.get(bigram) ?? 0) + 1);
      }
      previous = word;
    }
  }
  return into;
}

export interface LogOddsOptions {
  /**
   * Prior strength α0 as a share of the pooled count (pseudo-counts spread over the vocabulary by the pooled
   * frequencies): a story is short, so a fixed α0 would swamp it.
   */
  priorShare: number;
  /** z at or above which a term is distinctive (1.28: one-sided 90 %; with short leads 95 % leaves almost nothing). */
  minZ: number;
  /** A term used fewer times by the group is never distinctive. */
  minCount: number;
  max: number;
}

export const DEFAULT_LOG_ODDS: LogOddsOptions = { priorShare: 0.1, minZ: 1.28, minCount: 2, max: 8 };

const total = (counts: TermCounts): number => {
  let n = 0;
  for (const c of counts.values()) n += c;
  return n;
};

/**
 * Terms `group` uses much more than `rest`: δ = log-odds in group − log-odds in rest, each smoothed by α_w =
 * α0 · pooled share of w, divided by its standard deviation sqrt(1/(y_g+α_w) + 1/(y_r+α_w)). Highest z first.
 */
export function distinctiveTerms(group: TermCounts, rest: TermCounts, options: Partial<LogOddsOptions> = {}): Array<{ term: string; z: number }> {
  const o = { ...DEFAULT_LOG_ODDS, ...options };
  const nGroup = total(group);
  const nRest = total(rest);
  const nAll = nGroup + nRest;
  if (nGroup === 0 || nRest === 0) return [];
  const a0 = o.priorShare * nAll;
  const out: Array<{ term: string; z: number }> = [];
  for (const [term, yg] of group) {
    if (yg < o.minCount) continue;
    const yr = rest.get(term) ?? 0;
    const alpha = (a0 * (yg + yr)) / nAll;
    const delta = Math.log((yg + alpha) / (nGroup + a0 - yg - alpha)) - Math.log((yr + alpha) / (nRest + a0 - yr - alpha));
    const z = delta / Math.sqrt(1 / (yg + alpha) + 1 / (yr + alpha));
    if (z >= o.minZ) out.push({ term, z: Math.round(z * 1000) / 1000 });
  }
  out.sort((a, b) => b.z - a.z || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return out.slice(0, o.max);
}
