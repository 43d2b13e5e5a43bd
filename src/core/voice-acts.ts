// The polarity of a speech act toward its object: a verb that evaluates ("condemned the Israeli strikes", "praised
// Russia"), a light verb with an evaluative noun ("voiced strong opposition to", "expressed support for") or an
// appeal that presses the target to act ("urged Manila to ...", "called on Russia to ..."). Pure.
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

/** No punctuation in the tokens [from, to); `points`: but the full stops of an abbreviation ("the U.S. and"). */
function unbroken(tokens: Token[], from: number, to: number, points = false): boolean {
  for (let i = from; i < to; i++) if (tokens[i]?.punct && !(points && tokens[i]?.text === '.' && tokens[i - 1]?.text.length === 1)) return false;
  return true;
}

/** The polarity of the frame's speech act toward the target (-1, 1), or 0 when the act is no judgement of it. */
export function actOn(tokens: Token[], frame: VoiceFrame, target: number[]): number {
  if (frame.cueAt < 0 || frame.passive) return 0;
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  return objectOfAct(tokens, frame.cueAt, first) || appealTo(tokens, frame.cueAt, first, last) || quotedAppeal(tokens, frame, first, last) || nounActOn(tokens, frame.cueAt, first);
}

/** First-person subjects in a quotation: the speaker ("We urge the EU ...", "I call on Russia ..."). */
const FIRST_PERSON = new Set(['we', 'i']);

/** "'We urge the EU not to take the wrong path,' Wang added": the speaker's own appeal inside what it says. */
function quotedAppeal(tokens: Token[], frame: VoiceFrame, first: number, last: number): number {
  for (let v = first - 1; v >= 1 && v >= first - 8; v--) {
    const w = tokens[v]?.text ?? '';
    const verb = APPEALS.has(w) ? v : (w === 'on' || w === 'upon') && CALLS.has(tokens[v - 1]?.text ?? '') ? v - 1 : -1;
    if (verb < 1 || !FIRST_PERSON.has(tokens[verb - 1]?.text ?? '')) continue;
    const inContent = frame.content.some(([a, b]) => a <= verb - 1 && verb - 1 <= b);
    return inContent ? appealTo(tokens, verb, first, last) : 0;
  }
  return 0;
}

/** Verbs that press their object to act ("urged Manila to ...", "demanded that Israel ..."), and "call on". */
const APPEALS = new Set(['urge', 'urges', 'urged', 'urging', 'demand', 'demands', 'demanded', 'demanding']);
const CALLS = new Set(['call', 'calls', 'called', 'calling']);

/**
 * "We urge the EU not to take the wrong path", "He called on Russia to stop the attacks", "demanded that Israel
 * withdraw": a speaker who presses the target to act (or to stop) finds fault with what it does: -1 when the target
 * is the one pressed (at most two words after the verb, "that" or "on", or joined to the first one pressed by "and"),
 * else 0. A possessor is not the one pressed ("urged Russia's neighbours to ...").
 */
function appealTo(tokens: Token[], cueAt: number, first: number, last: number): number {
  const verb = tokens[cueAt]?.text ?? '';
  const next = tokens[cueAt + 1]?.text ?? '';
  const start = APPEALS.has(verb) ? cueAt + 1 + (next === 'that' ? 1 : 0) : CALLS.has(verb) && (next === 'on' || next === 'upon') ? cueAt + 2 : -1;
  if (start < 0 || first < start || !unbroken(tokens, start, first, true) || (tokens[last]?.text ?? '').endsWith("'s")) return 0;
  // "We urge the U.S. and the Philippines to ...": the second of two pressed together is pressed too.
  const joined = first - start <= 8 && (tokens[first - 1]?.text === 'and' || (tokens[first - 1]?.text === 'the' && tokens[first - 2]?.text === 'and'));
  return first - start <= 2 || joined ? -1 : 0;
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
