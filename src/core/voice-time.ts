// Time adverbials beside reporting verbs and speakers ("last month", "on Sunday", "for years"): no part of a
// speaker's name. Pure.
import type { Token } from './text.js';
import { word } from './voice-tokens.js';
import { AUXILIARIES } from './voice-words.js';

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

const MONTHS = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const TIME_UNITS = new Set('week weeks month months year years decade decades day days weekend night morning evening afternoon summer spring autumn fall winter'.split(' '));
const TIME_WORDS = new Set('yesterday today tonight'.split(' '));
/** Words before a time unit that make it a time adverbial ("last month", "this week", "for years"). */
const UNIT_OPENERS = new Set('last this next past previous earlier later for'.split(' '));
const isNumber = (w: string): boolean => /^\d+$/.test(w);
const isYear = (w: string): boolean => /^(1[89]|20)\d\d$/.test(w);

/**
 * Length in tokens of a time adverbial starting at `i` ("last month", "on Sunday", "late on Thursday", "on Dec. 15",
 * "in 2019", "for years", "earlier this week", "yesterday"), 0 when none starts there.
 */
export function timeAdverbialAt(tokens: Token[], i: number): number {
  const w = word(tokens, i);
  const next = word(tokens, i + 1);
  if (TIME_WORDS.has(w) || WEEKDAYS.has(w)) return 1;
  if ((w === 'late' || w === 'early') && next === 'on') {
    const rest = timeAdverbialAt(tokens, i + 1);
    return rest > 0 ? rest + 1 : 0;
  }
  // "earlier this week", "later that day", "earlier today"
  if (w === 'earlier' || w === 'later') {
    if ((next === 'this' || next === 'that' || next === 'last') && TIME_UNITS.has(word(tokens, i + 2))) return 3;
    if (TIME_WORDS.has(next)) return 2;
  }
  if (UNIT_OPENERS.has(w) && TIME_UNITS.has(next)) return 2;
  // "for the past two years", "over the past week"
  if ((w === 'for' || w === 'over') && word(tokens, i + 1) === 'the' && word(tokens, i + 2) === 'past') {
    if (TIME_UNITS.has(word(tokens, i + 3))) return 4;
    if (TIME_UNITS.has(word(tokens, i + 4))) return 5;
  }
  if (w === 'on' || w === 'in') {
    if (WEEKDAYS.has(next)) return 2;
    if (w === 'in' && isYear(next)) return 2;
    if (MONTHS.has(next)) {
      // "on Dec. 15", "on March 5", "in March"
      const k = word(tokens, i + 2) === '.' ? i + 3 : i + 2;
      return isNumber(word(tokens, k)) ? k - i + 1 : w === 'in' ? 2 : 0;
    }
    if (isNumber(next) && MONTHS.has(word(tokens, i + 2))) return 3;
  }
  return 0;
}

/** The index before a time adverbial that ends at `j` (the longest one), else `j`. */
export function beforeTimeAdverbial(tokens: Token[], j: number): number {
  for (let k = Math.max(0, j - 4); k <= j; k++) if (timeAdverbialAt(tokens, k) === j - k + 1) return k - 1;
  return j;
}

/**
 * The index before the time adverbials (and the auxiliaries before each) that end at `j`: "Western governments have
 * for years warned" leaves "Western governments".
 */
export function beforeTimeAdverbials(tokens: Token[], j: number): number {
  for (let k = beforeTimeAdverbial(tokens, j); k < j && k >= 0; k = beforeTimeAdverbial(tokens, j)) {
    j = k;
    while (j >= 0 && AUXILIARIES.has(word(tokens, j))) j--;
  }
  return j;
}
