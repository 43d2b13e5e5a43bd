// Function words the analysis treats specially (negators, contrast words), classified once per token. Pure.
import { fnv1a } from './feature-hash.js';
import { mayHold, wordFilter } from './word-filter.js';

const NEGATORS = new Set(
  'not no never without nor neither none nobody nothing cannot lack lacks lacking hardly barely scarcely fail fails failed'.split(' '),
);
/** Words that end the scope of a negator (as punctuation does). */
export const CONTRAST = new Set('but however yet although though whereas while nevertheless nonetheless'.split(' '));

export const isNegator = (word: string): boolean => NEGATORS.has(word) || word.endsWith("n't");

/** Token kinds (`Token.kind`). */
export const WORD = { other: 0, contrast: 1, negator: 2 } as const;

const KIND = new Map<string, number>([...[...CONTRAST].map((w): [string, number] => [w, WORD.contrast]), ...[...NEGATORS].map((w): [string, number] => [w, WORD.negator])]);

/** The words of KIND as a filter on their FNV-1a hashes: most tokens are ruled out without a map lookup. */
const KIND_FILTER = wordFilter(KIND.keys());

/** Ends with "n't" (checked by char code: this runs for every token). */
const endsNt = (word: string): boolean => {
  const n = word.length;
  return n >= 3 && word.charCodeAt(n - 1) === 116 && word.charCodeAt(n - 2) === 39 && word.charCodeAt(n - 3) === 110;
};

/**
 * Kind of a lower-cased word token: a map lookup only for a word that could be in KIND (its bit in the filter;
 * `hash` is its `fnv1a`, which the tokenizer has at hand), and the n't test; instead of one set per question.
 */
export const wordKind = (word: string, hash = fnv1a(word)): number => {
  const listed = mayHold(KIND_FILTER, hash) ? KIND.get(word) : undefined;
  return listed ?? (endsNt(word) ? WORD.negator : WORD.other);
};
