// A lexicon term given to a target by attribution, with its share. Pure.
import type { ScoredTerm } from './lexicon.js';

/**
 * A class, not an object literal: every instance has one shape, and building them was most of attribute's own
 * time as a literal (they outlive the sentence: they are the evidence).
 */
export class AttributedTerm implements ScoredTerm {
  term: string;
  first: number;
  last: number;
  weight: number;
  negated: boolean;
  framing: boolean;
  share: number;
  constructor(t: ScoredTerm, share: number) {
    this.term = t.term;
    this.first = t.first;
    this.last = t.last;
    this.weight = t.weight;
    this.negated = t.negated;
    this.framing = t.framing;
    this.share = share;
  }
}
