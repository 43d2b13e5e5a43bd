// Claims named by a noun: "Washington's baseless claims that ...", "Misri's statement that ...", "accusations from
// China that ...". The noun's owner (a possessor, or a source after "from" or "by") speaks; what follows "that" is
// what it said. Pure.
import type { Token } from './text.js';
import { possessorLeft, speakerRight } from './voice-speaker.js';
import { word, type Found } from './voice-tokens.js';

/** Nouns of a claim that report what follows "that" whether or not their owner is named ("claims that ..."). */
const CLAIMS = ['claims', 'claim', 'accusations', 'allegations', 'assertion', 'assertions', 'narrative', 'insinuations', 'suggestion'];
/**
 * Nouns of what a source says that report only with their owner named: "the statement that ..." or "the view that
 * ..." alone is often the author's own framing; "Misri's statement that ..." is Misri's. Nouns of a charge in the
 * singular (accusation, allegation) are left to the author view's dismissals: "Moscow's accusation that NATO is
 * preparing an attack is baseless" is the author's defence of NATO (accusation.ts).
 */
const OWNED = new Set([
  'statement', 'statements', 'remarks', 'remark', 'warning', 'warnings', 'assessment', 'argument', 'insistence', 'complaint', 'complaints', 'view', 'belief', 'contention', 'denial', 'pledge', 'promise',
]);
export const CLAIM_NOUNS = new Set([...CLAIMS, ...OWNED]);
/** Prepositions that name the source after a claim noun ("accusations from China", "claims by Manila"). */
const SOURCE_PREPOSITIONS = new Set(['from', 'by']);

/** A claim noun at `i` followed by "that", or by "from/by X that": the frame, else undefined. */
export function claimFrame(text: string, tokens: Token[], i: number): Found | undefined {
  if (SOURCE_PREPOSITIONS.has(word(tokens, i + 1))) {
    const source = speakerRight(text, tokens, i + 2);
    if (!source || word(tokens, source[1] + 1) !== 'that') return undefined;
    return { speaker: source, content: [[source[1] + 2, tokens.length - 1]], cue: 'claim', at: i };
  }
  if (word(tokens, i + 1) !== 'that') return undefined;
  let owner = i - 1;
  while (owner >= 0 && !tokens[owner]?.punct && !word(tokens, owner).endsWith("'s")) owner--;
  const phrase = owner >= 0 && word(tokens, owner).endsWith("'s") && owner >= i - 4 ? possessorLeft(text, tokens, owner) : undefined;
  const speaker = phrase && afterParticiple(tokens, phrase);
  if (!speaker && OWNED.has(word(tokens, i))) return undefined;
  return { speaker, content: [[i + 2, tokens.length - 1]], cue: 'claim', at: i };
}

const PREPOSITIONS = new Set(['to', 'on', 'at', 'about', 'over', 'against', 'with', 'after', 'amid']);

/** "Responding to India's accusation that ...": the owner is the possessor after an opening participle and its preposition. */
function afterParticiple(tokens: Token[], [a, b]: [number, number]): [number, number] | undefined {
  if (!word(tokens, a).endsWith('ing') || !PREPOSITIONS.has(word(tokens, a + 1))) return [a, b];
  return a + 2 <= b ? [a + 2, b] : undefined;
}
