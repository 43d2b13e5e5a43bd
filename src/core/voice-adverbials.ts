// Adverbials between a reporting verb and what it reports ("said on Monday that ...", "said bluntly that ...",
// "condemned on Friday the ..."), and adverbs between a speaker and its verb ("Tokyo repeatedly said"). Pure.
import type { Token } from './text.js';
import { capitalised, word } from './voice-tokens.js';
import { ARTICLES, WEEKDAYS } from './voice-speaker.js';
import { DETERMINERS, TRAILING } from './voice-words.js';

/**
 * "said on Monday that ...", "told reporters in Beijing that ...", "said Tuesday that ...": an adverbial between the
 * verb and "that" (up to eight words, no punctuation): the index of that "that", else undefined.
 */
export function thatAfterAdverbial(text: string, tokens: Token[], from: number): number | undefined {
  if (!TRAILING.has(word(tokens, from)) && !isAdverb(text, tokens[from])) return undefined;
  for (let k = from + 1; k < tokens.length && k - from <= 8; k++) {
    if (tokens[k]?.punct) return undefined;
    if (word(tokens, k) === 'that') return k;
  }
  return undefined;
}

/** The object after a short adverbial ("on Friday", "in a statement"): the first token past a determiner, or undefined. */
export function objectAfterAdverbial(tokens: Token[], from: number): number | undefined {
  if (!TRAILING.has(word(tokens, from))) return undefined;
  // "criticised on Friday annual joint drills ...": after a weekday the object starts at once.
  if (WEEKDAYS.has(word(tokens, from + 1)) && from + 2 < tokens.length && !tokens[from + 2]?.punct) return from + 2;
  for (let k = from + 1; k < tokens.length && k - from <= 4; k++) {
    if (tokens[k]?.punct) return undefined;
    if (DETERMINERS.has(word(tokens, k)) || ARTICLES.has(word(tokens, k))) return k;
  }
  return undefined;
}

/** An -ly adverb between speaker and verb ("Tokyo repeatedly said"); a capitalised -ly word is a name (Italy, Daily). */
export const isAdverb = (text: string, t: Token | undefined): boolean => t !== undefined && !t.punct && t.text.endsWith('ly') && !capitalised(text, t);

