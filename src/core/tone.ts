// Document tone with the `sentiment` package as engine: AFINN + framing lexicon as a registered language. Pure
// apart from registering the language with the package (idempotent, keyed by lexicon version).
import Sentiment from 'sentiment';
import { CONTRAST, isNegator, type Lexicon, type ScoredTerm } from './lexicon.js';
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

/**
 * One sentence as input for the package, from our tokens: phrases already found are hyphen-joined (the
 * package scores single tokens), clause punctuation becomes a boundary token, other punctuation is dropped.
 */
export function toneInput(tokens: Token[], terms: ScoredTerm[]): string {
  const parts: string[] = [];
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (k < terms.length && (terms[k] as ScoredTerm).first < i) k++;
    const term = terms[k];
    const token = tokens[i] as Token;
    if (term && term.first === i && term.last > i) {
      parts.push(term.term.replace(/ /g, '-'));
      i = term.last;
    } else if (!token.punct) parts.push(token.text);
    else if (CLAUSE_PUNCT.has(token.text)) parts.push(BOUNDARY);
  }
  return parts.join(' ');
}

export interface ToneScorer {
  /** Tone of a text given as `toneInput` pieces joined by spaces. */
  score(input: string): DocSentiment;
}

/** Registers the lexicon with `sentiment` (phrases as hyphen-joined tokens) and returns a scorer. */
export function createToneScorer(lexicon: Lexicon): ToneScorer {
  const engine = new Sentiment();
  const language = `sw${lexicon.version}`;
  const labels: Record<string, number> = Object.fromEntries(lexicon.words);
  for (const p of [...lexicon.phrases.values()].flat()) labels[p.words.join('-')] = p.weight;
  engine.registerLanguage(language, { labels, scoringStrategy: scoringStrategy() });
  return {
    score(input) {
      const result = engine.analyze(input, { language });
      let wordCount = 0;
      for (const t of result.tokens) if (t !== BOUNDARY && t !== '') wordCount++;
      const pct = (n: number): number => (wordCount === 0 ? 0 : (100 * n) / wordCount);
      const positivePct = pct(result.positive.length);
      const negativePct = pct(result.negative.length);
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
