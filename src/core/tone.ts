// Document tone with the `sentiment` package as engine: AFINN + framing lexicon as a registered language. Pure
// apart from registering the language with the package (idempotent, keyed by lexicon version).
import Sentiment from 'sentiment';
import type { Lexicon, ScoredTerm } from './lexicon.js';
import { CONTRAST, isNegator, WORD } from './words.js';
import type { Token } from './text.js';
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
}

export const emptyToneText = (): ToneText => ({ parts: [], words: 0, run: 0 });

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

function addSentence(matters: Set<string>, tokens: Token[], terms: ScoredTerm[], out: ToneText): void {
  if (out.parts.length > 0) pushBoundary(out);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (k < terms.length && (terms[k] as ScoredTerm).first < i) k++;
    const term = terms[k];
    const token = tokens[i] as Token;
    if (term && term.first === i && term.last > i) {
      pushWord(out, term.term.replace(/ /g, '-'), true);
      i = term.last;
    } else if (!token.punct) {
      const t = token.text;
      pushWord(out, t, token.kind !== WORD.other || matters.has(t));
    } else if (CLAUSE_PUNCT.has(token.text)) pushBoundary(out);
  }
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
  const matters = new Set(Object.keys(labels));
  return {
    add: (tokens, terms, out) => addSentence(matters, tokens, terms, out),
    score(text) {
      const result = engine.analyze(text.parts.join(' '), { language });
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
