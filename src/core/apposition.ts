// Apposition: a noun phrase that a comma joins to a name names the same one, so its words are about that name
// ("its dictator, Xi Jinping"). Used by attribution.ts to give a term to its owner. Pure.
import type { Groups } from './accusation.js';
import type { ScoredTerm } from './lexicon.js';
import type { Token } from './text.js';

/** What apposition reads of a sentence: its tokens. */
interface PhraseShape {
  tokens: Token[];
}

const at = (s: PhraseShape, i: number): string => s.tokens[i]?.text ?? '';
/** "China's", "the Philippines'": a possessor (also the mark of a term's owner in attribution.ts). */
export const possessive = (word: string): boolean => word.endsWith("'s") || word.endsWith("'");

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'this', 'that']);

/** Tokens from..to (inclusive) are words of one phrase: no punctuation but hyphens and apostrophes. */
function phraseWords(s: PhraseShape, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (s.tokens[i]?.punct && at(s, i) !== '-' && at(s, i) !== "'") return false;
  return true;
}

/**
 * The group a term belongs to through an apposition, or -1: the noun phrase that a comma joins to a name names
 * the same one. Before the name, the phrase opens with a determiner or possessive and the name closes the
 * apposition ("the openly aggressive posture of its dictator, Xi Jinping, ..."); after the name, the phrase opens
 * with one too and is closed by a second comma ("Xi Jinping, the dictator of China, ..."). A phrase between commas
 * that opens otherwise may be a verb phrase or an adverbial ("Russia, desperately needing shells, ...").
 */
export function appositiveOwner(s: PhraseShape, term: ScoredTerm, g: Groups): number {
  const n = s.tokens.length;
  const named = term.last + 2 < n && at(s, term.last + 1) === ',' ? (g.at[term.last + 2] as number) : -1;
  if (named >= 0) {
    let end = term.last + 2;
    while (end + 1 < n && g.at[end + 1] === named) end++;
    const closes = end + 1 >= n || s.tokens[end + 1]?.punct === true;
    let opens = false;
    for (let i = term.first - 1; i >= 0 && i >= term.first - 3 && !opens && phraseWords(s, i, i); i--) opens = DETERMINERS.has(at(s, i)) || possessive(at(s, i));
    if (closes && opens) return named;
  }
  // After the name: ", <the ... term ...> ," with the name (or a pair joined by "and") before the first comma.
  let open = term.first - 1;
  while (open >= 0 && open >= term.first - 8 && phraseWords(s, open, open)) open--;
  if (open < 1 || at(s, open) !== ',' || !(DETERMINERS.has(at(s, open + 1)) || possessive(at(s, open + 1)))) return -1;
  let close = term.last + 1;
  while (close < n && close <= open + 9 && phraseWords(s, close, close)) close++;
  if (close > open + 9 || at(s, close) !== ',') return -1;
  const before = g.at[open - 1] as number;
  if (before >= 0) return before;
  for (let i = open - 2; i >= 0 && i >= open - 6 && phraseWords(s, i, i); i--) {
    if (at(s, i) === 'and') return (g.at[i - 1] as number) >= 0 ? (g.at[i - 1] as number) : -1;
  }
  return -1;
}
