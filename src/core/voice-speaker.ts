// Speaker phrases of reporting constructions: the words before a reporting verb ("Kremlin spokesman Dmitry Peskov
// said"), after it ("..., said the ministry"), and a name set beside them ("Poland's prime minister, Mateusz
// Morawiecki, ..."). Pure.
import type { Token } from './text.js';
import { capitalised, isQuote, word, type Found } from './voice-tokens.js';
import { SPEAKER_NOUNS, SPEAKER_PRONOUNS, SPEAKER_STOPS, TRAILING } from './voice-words.js';
import { timeAdverbialAt } from './voice-time.js';

export const ARTICLES = new Set(['the', 'a', 'an']);

/** "and" between two capitalised words joins one speaker ("State Councillor and Foreign Minister Wang Yi"). */
const joinsNames = (text: string, tokens: Token[], i: number): boolean =>
  tokens[i]?.text === 'and' && tokens[i - 1] !== undefined && tokens[i + 1] !== undefined &&
  capitalised(text, tokens[i - 1] as Token) && capitalised(text, tokens[i + 1] as Token);

/** The speaker phrase ending at `end` (leftwards, up to a boundary), as a token range, or undefined. */
export function speakerLeft(text: string, tokens: Token[], last: number): [number, number] | undefined {
  let end = last;
  // "..., it said", "It also condemns ...": a pronoun subject is the whole speaker phrase ("it" is also a stop word).
  if (SPEAKER_PRONOUNS.has(word(tokens, end))) return [end, end];
  let first = end + 1;
  for (let i = end; i >= 0 && end - i < 9; i--) {
    const t = tokens[i] as Token;
    if ((t.punct && t.text !== '-' && t.text !== '.') || (SPEAKER_STOPS.has(t.text) && !joinsNames(text, tokens, i))) break;
    first = i;
  }
  if (first > end) return undefined;
  // A dash kept for hyphenated names does not start one ("MOSCOW (Sputnik) - Iranian ... spokesman").
  while (first <= end && (ARTICLES.has(word(tokens, first)) || tokens[first]?.punct === true)) first++;
  // "The ministry issued a statement condemning ...": the one who issued the document speaks.
  end = issuerEnd(tokens, first, end);
  // "... and on Sunday Taipei's foreign ministry said": a time adverbial before the subject is none of it.
  const time = timeAdverbialAt(tokens, first);
  if (time > 0 && first + time <= end) first += time;
  while (first <= end && ARTICLES.has(word(tokens, first))) first++;
  return first <= end ? [first, end] : undefined;
}

/** The speaker phrase starting at `start` (rightwards, to punctuation or a preposition). */
export function speakerRight(text: string, tokens: Token[], start: number): [number, number] | undefined {
  const head = tokens[start];
  if (head === undefined || head.punct || (SPEAKER_STOPS.has(head.text) && !SPEAKER_PRONOUNS.has(head.text))) return undefined;
  let last = start - 1;
  for (let i = start; i < tokens.length && i - start < 9; i++) {
    const t = tokens[i] as Token;
    if (t.punct && t.text !== '-' && t.text !== "'" && !inAbbreviation(text, tokens, i)) break;
    if (i > start && (TRAILING.has(t.text) || SPEAKER_STOPS.has(t.text)) && !joinsNames(text, tokens, i)) break;
    last = i;
  }
  if (last >= start && closesAbbreviation(tokens, last + 1)) last++; // "said the U.S." keeps its stop
  return last >= start ? [start, last] : undefined;
}

const letter = (t: Token | undefined): boolean => t !== undefined && !t.punct && t.text.length === 1;

/** The full stop at `i` closes an abbreviation: ".", a single letter, "." ("U.S.", "U.N."). */
const closesAbbreviation = (tokens: Token[], i: number): boolean =>
  tokens[i]?.text === '.' && letter(tokens[i - 1]) && tokens[i - 2]?.text === '.';

/**
 * A full stop inside an abbreviation ("U.S.", "U.N."), or closing one before a capitalised word or a speaker's noun
 * ("the U.S. State Department", "the U.N. envoy"): part of a name, not the end of a phrase. A closing stop before
 * any other word ends the name but stays in it ("..., said the U.S. strikes ...": "the U.S." is no inverted speaker).
 */
const inAbbreviation = (text: string, tokens: Token[], i: number): boolean =>
  tokens[i]?.text === '.' && letter(tokens[i - 1]) &&
  (letter(tokens[i + 1]) || (closesAbbreviation(tokens, i) && tokens[i + 1] !== undefined && (capitalised(text, tokens[i + 1] as Token) || SPEAKER_NOUNS.has(word(tokens, i + 1)))));

/** Tokens a..b (at most five) are a name: every one a capitalised word or a hyphen. */
export function isName(text: string, tokens: Token[], a: number, b: number): boolean {
  if (b < a || b - a > 4) return false;
  for (let k = a; k <= b; k++) {
    const t = tokens[k] as Token;
    if (t.punct ? t.text !== '-' : !capitalised(text, t)) return false;
  }
  return true;
}

/**
 * Tokens a parenthesis between a subject and its verb may span: `short` anywhere ("X, on the other hand, portrayed
 * ..."), `long` after a name that opens the sentence ("Trita Parsi, the executive vice president of the Quincy
 * Institute, says ..."; "Trump, in brief remarks to the nation on Saturday evening, said ...").
 */
export const PARENTHESIS = { short: 8, long: 16 } as const;

/** Verbs whose object is the one told: no quotative inversion ("..., X told The National": The National hears). */
export const HEARER_VERBS = new Set(['told', 'tells', 'tell']);

/**
 * "'...,' Ali Bakir, a professor at ..., told The National.": in a sentence that opens with a quotation, the speaker
 * is the name right after the closing quotation (before the comma that precedes the verb at `verb`), the quotation is what was said; else undefined.
 */
export function toldAfterQuote(text: string, tokens: Token[], commaBefore: number, verb: number): Found | undefined {
  let q = commaBefore - 1;
  while (q > 0 && commaBefore - q < 24 && !isQuote(tokens[q])) q--;
  // Only a sentence that opens with the quotation: a scare quote inside the sentence ("... borders on 'Kiev
  // brainrot,' media outlets are ...") is no one's words.
  if (!isQuote(tokens[q]) || q < 2 || !isQuote(tokens[0])) return undefined;
  const speaker = speakerRight(text, tokens, q + 1);
  if (!speaker || speaker[1] >= commaBefore) return undefined;
  let end = q - 1;
  while (end >= 0 && tokens[end]?.punct) end--;
  return end >= 0 ? { speaker, content: [[0, end]], cue: 'verb', at: verb } : undefined;
}

/** Tokens from `from` to the end are an audience and adverbials only: a few words, no "that", quote, verb or clause. */
export function onlyAudience(tokens: Token[], from: number): boolean {
  const last = tokens[tokens.length - 1]?.punct ? tokens.length - 2 : tokens.length - 1;
  if (last < from || last - from > 7) return false;
  for (let i = from; i <= last; i++) {
    const w = word(tokens, i);
    if (w === 'that' || isQuote(tokens[i]) || (tokens[i]?.punct && w !== '-' && w !== "'") || (SPEAKER_STOPS.has(w) && w !== 'its')) return false;
  }
  return true;
}

const ISSUE_VERBS = new Set(['issued', 'issues', 'released', 'releases', 'published', 'publishes', 'put', 'sent', 'sends', 'made', 'makes', 'gave', 'delivered', 'posted', 'posts', 'read']);
const ISSUED = new Set(['statement', 'statements', 'announcement', 'communique', 'communiqué', 'report', 'readout', 'note', 'letter', 'message', 'post', 'video', 'notice', 'declaration', 'speech', 'address', 'remarks']);
const ISSUED_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'another']);

/**
 * End of the speaker in a phrase [first, end] that closes with an issued document ("Iran's foreign ministry issued a
 * statement", "Ghasemi issued an announcement"): the token before the verb; else `end`.
 */
function issuerEnd(tokens: Token[], first: number, end: number): number {
  if (!ISSUED.has(word(tokens, end))) return end;
  for (let i = end - 1; i > first; i--) if (ISSUE_VERBS.has(word(tokens, i)) && ISSUED_DETERMINERS.has(word(tokens, i + 1))) return i - 1;
  return end;
}
