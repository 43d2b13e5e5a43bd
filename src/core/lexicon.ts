// Lexicon matching with negation scope, intensifiers and multi-word phrases over tokens. Pure.
import type { Token } from './text.js';
import { WORD } from './words.js';
import { mayHold, wordFilter, type WordFilter } from './word-filter.js';

/** Plain data as loaded from config/lexicon and the AFINN list of the `sentiment` package. */
export interface LexiconData {
  version: number;
  /** AFINN-165 word weights. */
  afinn: Record<string, number>;
  /** Framing terms (single words or phrases, lower case) and weights on the AFINN scale. */
  framing: Record<string, number>;
}

interface Phrase {
  words: string[];
  key: string;
  weight: number;
  /** The key comes from the framing lexicon. */
  framing: boolean;
}

export interface Lexicon {
  version: number;
  /** Single-token weights: AFINN overridden by framing. */
  words: Map<string, number>;
  /** Multi-token phrases by first token, longest first. */
  phrases: Map<string, Phrase[]>;
  /** Keys that come from the framing lexicon (counted in ArticleAnalysis.framing). */
  framingKeys: Set<string>;
  /** Per token: its word weight and the phrases it starts (one lookup per token when scoring). */
  entries: Map<string, Entry>;
  /** The words of `entries` as a filter on token hashes: most tokens are ruled out without a lookup. */
  filter: WordFilter;
}

interface Entry {
  /** The word as the lexicon holds it: a term keeps this string, not the token's copy (property keys and map
   * lookups of a string met before are cheaper). */
  key: string;
  weight: number | undefined;
  /** The word is a framing term. */
  framing: boolean;
  phrases: Phrase[] | undefined;
}

export interface ScoredTerm {
  /** Lexicon key, e.g. "cold war mentality". */
  term: string;
  /** Token range [first, last] the term covers. */
  first: number;
  last: number;
  /** Weight after negation and intensifiers. */
  weight: number;
  negated: boolean;
  framing: boolean;
}

/** Splits a lexicon key the way `tokenize` splits text. */
const keyWords = (key: string): string[] => key.toLowerCase().split(/\s+/);

export function compileLexicon(data: LexiconData): Lexicon {
  const words = new Map<string, number>(Object.entries(data.afinn));
  const phrases = new Map<string, Phrase[]>();
  for (const [key, weight] of Object.entries(data.framing)) {
    const parts = keyWords(key);
    if (parts.length === 1) words.set(key, weight);
    else {
      const list = phrases.get(parts[0] as string) ?? [];
      list.push({ words: parts, key, weight, framing: true });
      list.sort((a, b) => b.words.length - a.words.length);
      phrases.set(parts[0] as string, list);
    }
  }
  const framingKeys = new Set(Object.keys(data.framing));
  const entries = new Map<string, Entry>();
  for (const [word, weight] of words) entries.set(word, { key: word, weight, framing: framingKeys.has(word), phrases: undefined });
  for (const [first, list] of phrases) entries.set(first, { key: first, weight: words.get(first), framing: framingKeys.has(first), phrases: list });
  return { version: data.version, words, phrases, framingKeys, entries, filter: wordFilter(entries.keys()) };
}

const INTENSIFIERS = new Set(
  'very extremely highly deeply utterly totally completely absolutely particularly especially so too most truly really strongly firmly seriously grossly increasingly'.split(' '),
);
const DAMPENERS = new Set('slightly somewhat marginally partly fairly rather relatively'.split(' '));
/** VADER's negation scalar: a negated term keeps 74% of its strength with the sign flipped. */
const NEGATION_SCALE = -0.74;
const NEGATION_WINDOW = 4;

/** Looks back from a term for a negator inside the same clause. */
function negatedAt(tokens: Token[], first: number): boolean {
  for (let i = first - 1; i >= 0 && i >= first - NEGATION_WINDOW; i--) {
    const token = tokens[i] as Token;
    if ((token.punct && token.text !== '-') || token.kind === WORD.contrast) return false;
    if (token.kind === WORD.negator) return true;
  }
  return false;
}

/**
 * "less reliable" is a lower degree of the quality, said against a standard: the term's polarity reversed at the
 * strength of a dampened negation ("America is less reliable" is no praise of America).
 */
const LESS_SCALE = NEGATION_SCALE * 0.6;

function modifierScale(tokens: Token[], first: number): number {
  const previous = tokens[first - 1]?.text ?? '';
  if (INTENSIFIERS.has(previous)) return 1.3;
  if (previous === 'less') return LESS_SCALE;
  if (DAMPENERS.has(previous)) return 0.6;
  return 1;
}

function matchPhrase(tokens: Token[], index: number, candidates: Phrase[] | undefined): Phrase | undefined {
  if (candidates === undefined) return undefined;
  for (const phrase of candidates) {
    let k = 1;
    while (k < phrase.words.length && tokens[index + k]?.text === phrase.words[k]) k++;
    if (k === phrase.words.length) return phrase;
  }
  return undefined;
}

/**
 * Finds lexicon terms in a token list (phrases first, then words), applying negation scope and intensifiers.
 * Tokens flagged 1 in `skip` (e.g. inside actor mentions) are never scored.
 */
export function scoreTokens(tokens: Token[], lexicon: Lexicon, skip?: Uint8Array): ScoredTerm[] {
  const terms: ScoredTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (skip?.[i] === 1 || !mayHold(lexicon.filter, (tokens[i] as Token).hash)) continue;
    const entry = lexicon.entries.get((tokens[i] as Token).text);
    if (entry === undefined) continue;
    const phrase = matchPhrase(tokens, i, entry.phrases);
    const term = phrase?.key ?? entry.key;
    const base = phrase?.weight ?? entry.weight;
    if (base === undefined || base === 0) continue;
    const last = phrase ? i + phrase.words.length - 1 : i;
    const negated = negatedAt(tokens, i);
    const weight = base * modifierScale(tokens, i) * (negated ? NEGATION_SCALE : 1);
    terms.push({ term, first: i, last, weight, negated, framing: phrase?.framing ?? entry.framing });
    i = last;
  }
  return terms;
}
