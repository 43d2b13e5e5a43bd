// The polarity of a speech act toward its object: a verb that evaluates ("condemned the Israeli strikes", "praised
// Russia") or a light verb with an evaluative noun ("voiced strong opposition to", "expressed support for"). Pure.
import type { Token } from './text.js';
import type { VoiceFrame } from './voice.js';
import { NEGATIVE_ACTS, POSITIVE_ACTS } from './voice-words.js';

/**
 * The polarity of an evaluative speech act whose direct object is the target (up to three words after the verb,
 * no punctuation between: "condemned the Israeli strikes", "praised Russia"), else 0.
 */
function objectOfAct(tokens: Token[], cueAt: number, first: number): number {
  const verb = tokens[cueAt]?.text ?? '';
  const polarity = NEGATIVE_ACTS.has(verb) ? -1 : POSITIVE_ACTS.has(verb) ? 1 : 0;
  return polarity !== 0 && first > cueAt && first - cueAt <= 4 && unbroken(tokens, cueAt + 1, first) ? polarity : 0;
}

/** No punctuation in the tokens [from, to). */
function unbroken(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]?.punct) return false;
  return true;
}

/** The polarity of the frame's speech act toward the target (-1, 1), or 0 when the act is no judgement of it. */
export function actOn(tokens: Token[], frame: VoiceFrame, target: number[]): number {
  if (frame.cueAt < 0 || frame.passive) return 0;
  const first = target[0] as number;
  return objectOfAct(tokens, frame.cueAt, first) || nounActOn(tokens, frame.cueAt, first);
}

/** Reporting verbs that name a speech act by its noun ("voiced opposition", "expressed support"). */
const LIGHT_VERBS = new Set(['voiced', 'voices', 'voicing', 'expressed', 'expresses', 'expressing', 'reiterated', 'reiterates', 'declared', 'pledged']);
const NOUN_ACTS = new Map<string, number>([
  ...['opposition', 'criticism', 'condemnation', 'protest', 'protests', 'objection', 'objections', 'dissatisfaction', 'displeasure', 'indignation', 'outrage', 'disapproval'].map((w) => [w, -1] as const),
  ...['support', 'appreciation', 'gratitude', 'solidarity', 'backing', 'praise', 'admiration'].map((w) => [w, 1] as const),
]);
const NOUN_ACT_PREPOSITIONS = new Set(['to', 'of', 'over', 'about', 'against', 'at', 'with', 'for', 'toward', 'towards']);

/**
 * "X voiced strong opposition to Y", "expressed firm support for Y", "reiterated its criticism of Y": the polarity
 * of the speech act's noun when the target follows its preposition (a determiner or two words between), else 0.
 */
function nounActOn(tokens: Token[], cueAt: number, first: number): number {
  if (!LIGHT_VERBS.has(tokens[cueAt]?.text ?? '')) return 0;
  for (let k = cueAt + 1; k < first && k <= cueAt + 4; k++) {
    const polarity = NOUN_ACTS.get(tokens[k]?.text ?? '');
    if (polarity === undefined) continue;
    const preposition = k + 1;
    const reaches = NOUN_ACT_PREPOSITIONS.has(tokens[preposition]?.text ?? '') && first > preposition && first - preposition <= 3;
    return reaches && unbroken(tokens, preposition + 1, first) ? polarity : 0;
  }
  return 0;
}
