// Document tone with the `sentiment` package as engine: AFINN + framing lexicon as a registered language. Pure
// apart from registering the language with the package (idempotent, keyed by lexicon version).
import Sentiment from 'sentiment';
import { CONTRAST, isNegator, type Lexicon } from './lexicon.js';
import type { DocSentiment } from './types.js';

/** Clause boundary token inserted for the package's tokenizer, which drops punctuation. */
const BOUNDARY = '|';
const NEGATION_SCALE = -0.74;

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

export interface ToneScorer {
  score(text: string): DocSentiment;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Registers the lexicon with `sentiment` (phrases as hyphen-joined tokens) and returns a scorer. */
export function createToneScorer(lexicon: Lexicon): ToneScorer {
  const engine = new Sentiment();
  const language = `sw${lexicon.version}`;
  const labels: Record<string, number> = Object.fromEntries(lexicon.words);
  const phrases = [...lexicon.phrases.values()].flat();
  for (const p of phrases) labels[p.words.join('-')] = p.weight;
  engine.registerLanguage(language, { labels, scoringStrategy: scoringStrategy() });
  const keys = phrases.map((p) => p.words.map(escape).join('\\s+')).sort((a, b) => b.length - a.length);
  const phrasePattern = keys.length > 0 ? new RegExp(`\\b(?:${keys.join('|')})\\b`, 'gi') : undefined;
  return {
    score(text) {
      const joined = phrasePattern ? text.replace(phrasePattern, (m) => m.toLowerCase().split(/\s+/).join('-')) : text;
      const result = engine.analyze(joined.replace(/[,;:()[\]]|\s-\s/g, ` ${BOUNDARY} `), { language });
      const wordCount = result.tokens.filter((t) => t !== BOUNDARY && /[\p{L}\p{N}]/u.test(t)).length;
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
