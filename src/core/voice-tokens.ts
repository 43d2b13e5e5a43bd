// Token helpers and the construction shape shared by the reporting-construction finders (voice-constructions.ts,
// voice-headline.ts). Pure.
import type { Token } from './text.js';

export const word = (tokens: Token[], i: number): string => tokens[i]?.text ?? '';
export const isQuote = (t: Token | undefined): boolean => t !== undefined && t.punct && (t.text === '"' || t.text === "'");
export const capitalised = (text: string, t: Token): boolean => {
  const c = text.charCodeAt(t.start);
  return c >= 65 && c <= 90;
};

/** Is token `i` inside one of the ranges [first, last]? (A loop: a closure per token showed in the allocations.) */
export function inRanges(ranges: ReadonlyArray<readonly [number, number]>, i: number): boolean {
  for (const [a, b] of ranges) if (i >= a && i <= b) return true;
  return false;
}

/**
 * The quotation mark at `j` closes a quotation, not a short title set in quotes ('appearing on "Fox News Sunday,"
 * said Trump was ...': a name of three words or fewer, as scare quotes are).
 */
export function closesQuotation(tokens: Token[], j: number): boolean {
  if (!isQuote(tokens[j])) return false;
  let words = 0;
  for (let k = j - 1; k >= 0; k--) {
    if (isQuote(tokens[k])) return words > 3;
    if (!tokens[k]?.punct) words++;
  }
  return true;
}

export interface Found {
  speaker: [number, number] | undefined;
  content: Array<[number, number]>;
  cue: 'verb' | 'according' | 'quote' | 'headline' | 'claim';
  at: number;
  /** A participle ("adding that"): the speaker of the clause before goes on. */
  continues?: boolean;
  /** "X was condemned (by Y)": X is what is evaluated, not what is said; the author's words around it stay its own. */
  passive?: boolean;
}
