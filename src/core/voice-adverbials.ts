// Adverbials between a reporting verb and what it reports ("said on Monday that ...", "said bluntly that ...",
// "condemned on Friday the ..."), and adverbs between a speaker and its verb ("Tokyo repeatedly said"). Pure.
import type { Token } from './text.js';
import { capitalised, word } from './voice-tokens.js';
import { ARTICLES } from './voice-speaker.js';
import { timeAdverbialAt, WEEKDAYS } from './voice-time.js';
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

/**
 * "said Tuesday its alliance ...", "said today the presence ...", "said on Monday the talks ...": a time adverbial
 * right after the verb, then the reported clause without "that": the index where the clause starts, else
 * undefined ("..., X said Tuesday." and "X said on Monday, adding ..." report what is before).
 */
export function clauseAfterTime(tokens: Token[], from: number): number | undefined {
  const time = timeAdverbialAt(tokens, from);
  const start = from + time;
  if (time === 0 || start >= tokens.length - 1 || tokens[start]?.punct || word(tokens, start) === 'that') return undefined;
  return TRAILING.has(word(tokens, start)) ? undefined : start;
}

/** Verbs of commitment whose infinitive is what the speaker undertakes ("vowed to expel ...", "pledged to punish ..."). */
const COMMISSIVES = new Set(['vow', 'vows', 'vowed', 'vowing', 'pledge', 'pledges', 'pledged', 'pledging']);

/** "Abe vowed to 'expel by force' any Chinese landing": the infinitive after a verb of commitment, else undefined. */
export const infinitiveAfterVow = (tokens: Token[], verb: number, from: number): number | undefined =>
  COMMISSIVES.has(word(tokens, verb)) && word(tokens, from) === 'to' && from + 1 < tokens.length - 1 ? from : undefined;

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

const GOES_ON = new Set(['went on to', 'goes on to', 'go on to', 'going on to']);
const CONTINUES = new Set(['continued', 'continues', 'continue', 'continuing']);

/**
 * "He went on to argue ...", "Moscow continued to accuse ...": the subject of the verb before "to" speaks. The
 * index before such a chain ending at the reporting verb `i`, else the index before the verb.
 */
export function beforeGoingOn(tokens: Token[], i: number): number {
  if (GOES_ON.has(`${word(tokens, i - 3)} ${word(tokens, i - 2)} ${word(tokens, i - 1)}`)) return i - 4;
  return CONTINUES.has(word(tokens, i - 2)) && word(tokens, i - 1) === 'to' ? i - 3 : i - 1;
}
