// Whether a cue word is a verb of saying where it stands: "points of view" is a noun, "put" reports only in "as X
// put it". Pure.
import type { Token } from './text.js';
import { word } from './voice-tokens.js';

/**
 * "points of view", "talking points", "storms lashed the coast": "point" and "lash" report only as "points out" /
 * "lashed out (at)".
 */
export const nounUse = (tokens: Token[], i: number): boolean => OUT_FORMS.has(word(tokens, i)) && word(tokens, i + 1) !== 'out';
const OUT_FORMS = new Set(['points', 'pointed', 'pointing', 'lashed', 'lashing', 'lashes']);

/** "As X put it (in ...), A": "put it" reports only in an opening as-clause ("put pressure on" is no speech). */
export const asPutIt = (tokens: Token[], i: number): boolean => word(tokens, i) === 'put' && word(tokens, i + 1) === 'it' && word(tokens, 0) === 'as' && i <= 6;
