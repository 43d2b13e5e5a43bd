// Document tone with the `sentiment` package as engine: AFINN + framing lexicon as a registered language. Pure
// apart from registering the language with the package (idempotent, keyed by lexicon version). The input is
// already in the package's tokens, so it is scored here as `analyze` scores it (same labels, same strategy, same
// order) without joining it into one string and tokenising that again (about 5 % of an article's analysis).
import Sentiment from 'sentiment';
import type { Lexicon, ScoredTerm } from './lexicon.js';
import { CONTRAST, isNegator, WORD } from './words.js';
import type { Token } from './text.js';
import { mayHold, wordFilter, type WordFilter } from './word-filter.js';
import type { DocSentiment } from './types.js';

/** Clause boundary token given to the package's tokenizer, which drops punctuation. */
const BOUNDARY = '|';
const NEGATION_SCALE = -0.74;
const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '-', '"']);

function scoringStrategy(): { apply(tokens: string[], cursor: number, score: number): number } {
  return {
    apply(tokens, cursor, score) {
      for (let i = cursor - 1; i >= 0 && i >= cursor - 4; i--) {
        const token = tokens[i] as string;
        if (token === BOUNDARY || CONTRAST.has(token)) break;
        if (isNegator(token)) return score * NEGATION_SCALE;
      }
      return score;
    },
  };
}

/** Stands for a word the package cannot score and the negation scope does not care about. */
const FILLER = '0';
/** Negation looks back this many tokens: a longer run of fillers is a boundary for it. */
const SCOPE = 4;

/** The package's input for a whole text, built sentence by sentence, and its number of words. */
export interface ToneText {
  parts: string[];
  words: number;
  /** Fillers since the last word that matters (boundary, scored word, negator, contrast). */
  run: number;
  /**
   * False when a part is not one of the package's tokens as it is (a phrase key with a capital, a space or a
   * character its tokenizer removes): the text then goes through `analyze` itself.
   */
  plain: boolean;
}

export const emptyToneText = (): ToneText => ({ parts: [], words: 0, run: 0, plain: true });

/** What the package's tokenizer changes in a token: capitals, white space and the punctuation it removes. */
// eslint-disable-next-line no-control-regex -- any character outside ASCII
const NOT_PLAIN = /[A-Z\s.,/#!?$%^&*;:{}=_`"~()]|[^\x00-\x7f]/;

function pushWord(out: ToneText, word: string, matters: boolean): void {
  out.words++;
  if (matters) {
    out.parts.push(word);
    out.run = 0;
  } else if (++out.run < SCOPE) out.parts.push(FILLER);
  else if (out.run === SCOPE) out.parts.push(BOUNDARY);
}

function pushBoundary(out: ToneText): void {
  out.parts.push(BOUNDARY);
  out.run = 0;
}

export interface ToneScorer {
  /**
   * Adds one sentence to `out`, from our tokens: phrases already found are hyphen-joined (the package scores
   * single tokens), clause punctuation becomes a boundary token, other punctuation is dropped. A word the
   * package cannot score and the negation scope ignores is passed as a one-character filler, and a run of
   * SCOPE of them as a boundary (no negator reaches across it): the same result from a shorter input.
   */
  add(tokens: Token[], terms: ScoredTerm[], out: ToneText): void;
  /** Tone of a whole text. */
  score(text: ToneText): DocSentiment;
}

/** Words the package scores, and the same words as a filter on token hashes (checked first). */
interface Matters {
  words: Set<string>;
  filter: WordFilter;
}

function addSentence(matters: Matters, tokens: Token[], terms: ScoredTerm[], out: ToneText): void {
  if (out.parts.length > 0) pushBoundary(out);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (k < terms.length && (terms[k] as ScoredTerm).first < i) k++;
    const term = terms[k];
    const token = tokens[i] as Token;
    if (term && term.first === i && term.last > i) {
      const joined = term.term.replace(/ /g, '-');
      if (NOT_PLAIN.test(joined)) out.plain = false;
      pushWord(out, joined, true);
      i = term.last;
    } else if (!token.punct) {
      // A word token is lower case letters and digits joined by ' and -: one of the package's tokens as it is.
      const t = token.text;
      pushWord(out, t, token.kind !== WORD.other || (mayHold(matters.filter, token.hash) && matters.words.has(t)));
    } else if (CLAUSE_PUNCT.has(token.text)) pushBoundary(out);
  }
}

interface Scored {
  score: number;
  positive: { length: number };
  negative: { length: number };
}

/**
 * `Sentiment.prototype.analyze` over tokens that its tokenizer leaves as they are (`ToneText.plain`): the labels
 * looked up from the last token to the first, the strategy applied, the score summed in that order.
 */
function scoreParts(parts: string[], weights: Map<string, number>, strategy: ReturnType<typeof scoringStrategy>): Scored {
  // The package tokenises an empty text as one empty token.
  const tokens = parts.length > 0 ? parts : [''];
  let score = 0;
  let positive = 0;
  let negative = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const weight = weights.get(tokens[i] as string);
    if (weight === undefined) continue;
    const s = strategy.apply(tokens, i, weight);
    if (s > 0) positive++;
    if (s < 0) negative++;
    score += s;
  }
  return { score, positive: { length: positive }, negative: { length: negative } };
}

/** Registers the lexicon with `sentiment` (phrases as hyphen-joined tokens) and returns a scorer. */
export function createToneScorer(lexicon: Lexicon): ToneScorer {
  const engine = new Sentiment();
  const language = `sw${lexicon.version}`;
  const labels: Record<string, number> = Object.fromEntries(lexicon.words);
  for (const p of [...lexicon.phrases.values()].flat()) labels[p.words.join('-')] = p.weight;
  if (Object.hasOwn(labels, FILLER)) throw new Error(`the tone filler "${FILLER}" is a lexicon entry`);
  engine.registerLanguage(language, { labels, scoringStrategy: scoringStrategy() });
  /** Words passed as they are because the package scores them (negators and contrast words: by token kind). */
  const words = new Set(Object.keys(labels));
  const matters: Matters = { words, filter: wordFilter(words) };
  /** The labels as the package holds them once registered (its emoji labels added). */
  const weights = new Map(Object.entries(labels));
  const strategy = scoringStrategy();
  return {
    add: (tokens, terms, out) => addSentence(matters, tokens, terms, out),
    score(text) {
      const result = text.plain ? scoreParts(text.parts, weights, strategy) : engine.analyze(text.parts.join(' '), { language });
      const wordCount = text.words;
      const positivePct = wordCount === 0 ? 0 : (100 * result.positive.length) / wordCount;
      const negativePct = wordCount === 0 ? 0 : (100 * result.negative.length) / wordCount;
      return {
        score: result.score,
        comparative: wordCount === 0 ? 0 : result.score / wordCount,
        positivePct,
        negativePct,
        polarity: positivePct + negativePct,
        tone: positivePct - negativePct,
        wordCount,
      };
    },
  };
}
