// Guideline rule 4: an experiencer is not a target. "EU capitals were alarmed", "Seoul is worried about Pyongyang's
// launches", "Britain fears the impact ...": the actor feels something, which is no stance toward it. Pure.
import type { Attribution } from './attribution.js';
import type { Token } from './text.js';

/**
 * What may stand between an experiencer and its feeling: forms of "be", "have" and linking verbs ("has been",
 * "grew", "seems"), and adverbs of time and degree ("still", "already", "increasingly"; other -ly adverbs are
 * read past as well, but only these end a subject's noun).
 */
const LINKS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'remains', 'remain', 'remained', 'grew', 'grows',
  'became', 'becomes', 'seems', 'seem', 'seemed', 'appears', 'appear', 'appeared', 'feels', 'feel', 'felt', 'got', 'gets',
  'also', 'still', 'now', 'already', 'increasingly',
]);

/**
 * Words of wanting and hoping in the feelings list: what an actor wants is its goal, and the author may judge the
 * goal ("Tokyo wants to be the 'traitorous guide' for NATO's expansion"); they stay with the model.
 */
const VOLITION = new Set(['want', 'wants', 'wanted', 'desire', 'desired', 'desires', 'hoped', 'hopeful', 'hopes', 'hoping']);

/**
 * Whether the target ending at token `last` is the subject of a feeling (`feelings`, the author lexicon's list: a
 * participle or adjective after a linking verb, or a verb of feeling right after it; -ly adverbs may stand between;
 * "EU capitals were alarmed": the subject's noun after a mention that qualifies it, before a linking verb)
 * and the author holds no term of its own on it: then the author's view of it is neutral, whatever the words of
 * the feeling's cause say. A negation ("doesn't want to end the war") is no feeling alone and is left to the model.
 */
export function experiencerOnly(tokens: Token[], last: number, own: Attribution, feelings: ReadonlySet<string>): boolean {
  if (own.terms.length > 0) return false;
  const feels = (w: string): boolean => feelings.has(w) && !VOLITION.has(w);
  // "EU capitals were alarmed", "Chinese officials are worried": a mention that qualifies the subject's noun (one
  // or two words) feels with it, when a linking verb follows.
  let i = last + 1;
  let skipped = 0;
  for (let t = tokens[i]; skipped < 2 && t !== undefined && !t.punct && !LINKS.has(t.text) && !feels(t.text); t = tokens[i]) {
    i++;
    skipped++;
  }
  let linked = false;
  for (; i < tokens.length && i <= last + 7; i++) {
    const t = tokens[i] as Token;
    if (feels(t.text)) return skipped === 0 || linked;
    if (t.punct || !(LINKS.has(t.text) || t.text.endsWith('ly'))) return false;
    linked ||= LINKS.has(t.text);
  }
  return false;
}
