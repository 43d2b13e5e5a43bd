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

/** Longest word of KIND (a longer word is looked up only for its n't). */
const KIND_LONGEST = Math.max(...[...KIND.keys()].map((w) => w.length));
/** First characters of the words of KIND, by char code: most tokens are ruled out without a map lookup. */
const KIND_FIRST = new Uint8Array(128);
for (const w of KIND.keys()) KIND_FIRST[w.charCodeAt(0)] = 1;

/** Ends with "n't" (checked by char code: this runs for every token). */
const endsNt = (word: string): boolean => {
  const n = word.length;
  return n >= 3 && word.charCodeAt(n - 1) === 116 && word.charCodeAt(n - 2) === 39 && word.charCodeAt(n - 3) === 110;
};

/**
 * Kind of a lower-cased word token: a map lookup only for a word that could be in KIND (its first character and
 * length), and the n't test; instead of one set per question.
 */
export const wordKind = (word: string): number => {
  const c = word.charCodeAt(0);
  const listed = c < 128 && KIND_FIRST[c] === 1 && word.length <= KIND_LONGEST ? KIND.get(word) : undefined;
  return listed ?? (endsNt(word) ? WORD.negator : WORD.other);
};
