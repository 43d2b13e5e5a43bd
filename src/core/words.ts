// Function words the analysis treats specially (negators, contrast words), classified once per token. Pure.

const NEGATORS = new Set(
  'not no never without nor neither none nobody nothing cannot lack lacks lacking hardly barely scarcely fail fails failed'.split(' '),
);
/** Words that end the scope of a negator (as punctuation does). */
export const CONTRAST = new Set('but however yet although though whereas while nevertheless nonetheless'.split(' '));

export const isNegator = (word: string): boolean => NEGATORS.has(word) || word.endsWith("n't");

/** Token kinds (`Token.kind`). */
export const WORD = { other: 0, contrast: 1, negator: 2 } as const;

const KIND = new Map<string, number>([...[...CONTRAST].map((w): [string, number] => [w, WORD.contrast]), ...[...NEGATORS].map((w): [string, number] => [w, WORD.negator])]);

/** Kind of a lower-cased word token: one map lookup (and the n't test) instead of one set per question. */
export const wordKind = (word: string): number => KIND.get(word) ?? (word.endsWith("n't") ? WORD.negator : WORD.other);
