// Hearsay adverbs (allegedly, reportedly): the writer marks a stretch of its sentence as someone else's claim. Pure.
import type { Token } from './text.js';
import { inRanges, type Found } from './voice-tokens.js';

/**
 * Hearsay adverbs: "the threat allegedly posed by China", "Russia reportedly moved troops". The writer marks the
 * stretch as someone else's claim, not its own assertion (guideline rule 2). The sceptical ones (supposedly,
 * ostensibly, purportedly) and the writer's own inference (apparently) are the author's voice and are not here.
 */
export const EVIDENTIALS = new Set(['allegedly', 'reportedly']);

/**
 * "... the threat allegedly posed by China, ...": the comma-bounded stretch around the adverb, outside the quotations
 * (token ranges), is the claim, unattributed.
 */
export function evidentialFrame(tokens: Token[], i: number, quotes: ReadonlyArray<readonly [number, number]>): Found | undefined {
  let a = i;
  while (a > 0 && !tokens[a - 1]?.punct && !inRanges(quotes, a - 1)) a--;
  let b = i;
  while (b + 1 < tokens.length && !tokens[b + 1]?.punct && !inRanges(quotes, b + 1)) b++;
  return b > a ? { speaker: undefined, content: [[a, b]], cue: 'claim', at: i } : undefined;
}
