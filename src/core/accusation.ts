// Verbs of unjust accusation in the author's own voice ("the West keeps smearing China"): who is accused, who
// accuses (guideline rules 1 and 5). Used by attribution.ts for the author view's terms. Pure.
import type { ScoredTerm } from './lexicon.js';
import type { Token } from './text.js';

/** What the accusation rule reads of a sentence: its tokens and the clause of each. */
interface ClauseShape {
  tokens: Token[];
  clause: Int32Array;
}

/** The target (group 0, with the mentions coordinated with it) and its rivals, indexed by token (attribution.ts builds them). */
export interface Groups {
  tokens: number[][];
  /** Group of every token, -1 for none. */
  at: Int16Array;
}

const at = (s: ClauseShape, i: number): string => s.tokens[i]?.text ?? '';

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * The group a verb of unjust accusation is done to: the first mention up to four words after it, in its phrase
 * ("smearing China", "to defame China's policy", "slander against China"), or, passive ("China has been smeared";
 * "is smearing" is not), the nearest mention before it in its clause; -1 for none.
 */
function wrongedGroup(s: ClauseShape, term: ScoredTerm, g: Groups): number {
  if (term.term.endsWith('ed') && BE_FORMS.has(at(s, term.first - 1))) {
    const c = s.clause[term.first];
    for (let i = term.first - 2; i >= 0 && s.clause[i] === c; i--) if ((g.at[i] as number) >= 0) return g.at[i] as number;
    return -1;
  }
  for (let i = term.last + 1; i < s.tokens.length && i <= term.last + 4; i++) {
    if (s.tokens[i]?.punct && at(s, i) !== "'") return -1;
    if ((g.at[i] as number) >= 0) return g.at[i] as number;
  }
  return -1;
}

/**
 * Share of a verb of unjust accusation ("smear", "slander", "demonize", "discredit"): its object is wronged, so
 * the author who uses the verb in its own voice defends it (guideline rules 1 and 5): -1, the term reversed as a
 * bound term. The one who does it is blamed: full share for a target before the verb in its clause. Undefined
 * when the verb has no object among the mentions (the usual attribution applies).
 */
export function accusationShare(s: ClauseShape, term: ScoredTerm, g: Groups): number | undefined {
  const wronged = wrongedGroup(s, term, g);
  if (wronged < 0) return undefined;
  if (wronged === 0) return -1;
  const c = s.clause[term.first];
  for (const i of g.tokens[0] as number[]) if (i < term.first && s.clause[i] === c) return 1;
  return 0;
}
