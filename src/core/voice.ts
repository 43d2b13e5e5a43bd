// Voice attribution: which parts of a sentence report someone else's words or view, who that speaker is, and
// whether the author adopts or rejects what is reported. Pure; works on the tokens of one sentence plus a small
// context carried from sentence to sentence (the last named speaker, an unclosed quotation).
import type { Token } from './text.js';
import { CUE_FILTER, CUE_WORDS, findConstructions } from './voice-constructions.js';
import { addParticipleOpener } from './voice-participle.js';
import { capitalised, inRanges, word, type Found } from './voice-tokens.js';
import { listedSide } from './voice-sides.js';
import { mayHold, wordFilter } from './word-filter.js';
import { ADOPT_MARKERS, DOCUMENT_NOUNS, REJECT_MARKERS, SPEAKER_PRONOUNS, VAGUE_SOURCES } from './voice-words.js';
import { definiteDescription, describedOnly, fullerSpeaker, personAnaphor, type TokenMention, type VoiceContext } from './voice-referents.js';

export { newVoiceContext, type TokenMention, type VoiceContext } from './voice-referents.js';

/** One reported voice in a sentence. */
export interface VoiceFrame {
  /** The speaker as written ("Kremlin spokesman Dmitry Peskov"), or "unnamed". */
  speaker: string;
  /** The actor the speaker is or speaks for, when one of its mentions is in the speaker phrase. */
  speakerActor?: string;
  /** Token range of the speaker phrase in this sentence; -1 when the speaker is not in it. */
  speakerFirst: number;
  speakerLast: number;
  /** Token ranges [first, last] of what is reported. */
  content: Array<[number, number]>;
  cue: 'verb' | 'according' | 'quote' | 'headline' | 'claim';
  /** Token index of the cue word (the reporting verb, "according", the claim noun), -1 for a bare quotation. */
  cueAt: number;
  /** A passive evaluative verb: the content is its subject, evaluated by the speaker; no words are reported. */
  passive: boolean;
  /** 1: the author adopts the claim ("rightly", a vague source); -1: rejects it ("baseless"); 0: neither. */
  adoption: -1 | 0 | 1;
}

/**
 * A sentence whose quotation marks are odd in number and whose first mark closes (set right after a word or
 * punctuation and followed by a space or the end: `capabilities," said Lee`) continues a quotation opened before
 * it, even where no earlier sentence opened one (an excerpt, a paragraph break the feed lost).
 */
function closesEarlierQuote(text: string, tokens: Token[], marks: number): boolean {
  if (marks % 2 === 0) return false;
  const first = tokens.find((t) => t.punct && t.text === '"');
  if (first === undefined || first.start === 0) return false;
  const before = text.charAt(first.start - 1);
  const after = text.charAt(first.end);
  return !/\s/.test(before) && (after === '' || /\s/.test(after));
}

/** Quotation spans [open, close] by double quotes, and by single quotes used as quotation marks. */
export function quoteSpans(text: string, tokens: Token[], openAtStart: boolean): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = openAtStart ? -1 : -2;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.punct || t.text !== '"') continue;
    if (open === -2) open = i;
    else {
      spans.push([open + 1, i - 1]);
      open = -2;
    }
  }
  if (open !== -2) spans.push([open + 1, tokens.length - 1]);
  let single = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!t.punct || t.text !== "'") continue;
    const before = t.start === 0 ? ' ' : text.charAt(t.start - 1);
    const after = text.charAt(t.end);
    if (single < 0 && /[\s"(]/.test(before) && /[\p{L}\p{N}]/u.test(after)) single = i;
    else if (single >= 0 && /[\p{L}\p{N}.,!?]/u.test(before) && (after === '' || /[\s.,;:!?"]/.test(after))) {
      spans.push([single + 1, i - 1]);
      single = -1;
    }
  }
  return spans.filter(([a, b]) => b >= a);
}

export interface SentenceVoices {
  frames: VoiceFrame[];
  /** Quotation spans that are no one's words but the author's scare quotes. */
  scareQuotes: Array<[number, number]>;
}

/** A possessor named as a speaker ("Beijing's claim that ...") is named without its "'s". */
const withoutPossessive = (name: string): string => name.replace(/(?<=\S)['’]s$/u, '');

/** Speaker name, actor and adoption of a construction. */
function frameOf(text: string, tokens: Token[], f: Found, mentions: TokenMention[], ctx: VoiceContext, markers: Markers, previous?: VoiceFrame): VoiceFrame {
  let speaker = 'unnamed';
  let speakerActor: string | undefined;
  let vague = false;
  if (f.speaker) {
    const [a, b] = f.speaker;
    speaker = withoutPossessive(text.slice((tokens[a] as Token).start, (tokens[b] as Token).end));
    speakerActor = mentions.find((m) => m.last >= a && m.first <= b)?.actor; // "The Kremlin": the mention may hold the article
    const head = word(tokens, b);
    vague = a === b && VAGUE_SOURCES.has(head) || (VAGUE_SOURCES.has(head) && !tokens.slice(a, b + 1).some((t) => capitalised(text, t)));
    const fuller = fullerSpeaker(ctx, speaker);
    // "he said": the last named speaker; "the minister said": see definiteDescription.
    const anaphor = a === b && SPEAKER_PRONOUNS.has(head);
    const person = !anaphor ? personAnaphor(tokens, a, b, mentions) : undefined;
    const described = !anaphor && !person ? definiteDescription(text, tokens, a, b, mentions, ctx) : undefined;
    if (anaphor) ({ speaker, speakerActor } = ctx.lastSpeaker ?? { speaker: 'unnamed' });
    else if (person) [speaker, speakerActor] = [person, person];
    else if (described) ({ speaker, speakerActor } = described);
    else if (fuller) ({ speaker, speakerActor } = { speaker: fuller.speaker, speakerActor: speakerActor ?? fuller.speakerActor });
    // "Lavrov said", "Wang Wenbin told reporters": a listed official speaks for the actor that lists them.
    if (speakerActor === undefined && !anaphor && !described) speakerActor = listedSide(tokens, a, b, ctx.sides);
    if (!vague && !DOCUMENT_NOUNS.has(head) && tokens.slice(a, b + 1).some((t) => capitalised(text, t))) {
      ctx.lastSpeaker = { speaker, speakerActor };
      if (!fuller && !ctx.speakers.some((s) => s.speaker === speaker) && !describedOnly(text, tokens, a, b, mentions)) ctx.speakers.push(ctx.lastSpeaker);
    }
  } else if (f.continues) {
    // A participle goes on with the clause's subject: a frame before it in the sentence, else the first mention
    // after an opening phrase ("During his stop in Tokyo, the NATO chief ..., claiming that ...": NATO, not Japan).
    const opening = openingPhraseEnd(tokens, f.at);
    const subject = mentions.find((m) => m.first > opening && m.last < f.at) ?? mentions.find((m) => m.last < f.at);
    if (previous) ({ speaker, speakerActor } = previous);
    else if (subject) [speaker, speakerActor] = [text.slice((tokens[subject.first] as Token).start, (tokens[nameEnd(text, tokens, subject.last, f.at)] as Token).end), subject.actor];
  }
  const adoptVerb = ADOPT_MARKERS.has(word(tokens, f.at));
  // A marker inside what the frame reports is the speaker's word ("Moscow dismissed the report as fabricated").
  const reject = anyOutside(markers.rejectAt, f.content);
  const adopt = anyOutside(markers.adoptAt, f.content);
  const adoption = reject ? -1 : adopt || adoptVerb || vague || (markers.asOpening && f.at < 8) ? 1 : 0;
  return { speaker, speakerActor, speakerFirst: f.speaker?.[0] ?? -1, speakerLast: f.speaker?.[1] ?? -1, content: f.content, cue: f.cue, cueAt: f.at, passive: f.passive === true, adoption };
}

/** "U.S. President Joe Biden ..., strongly condemning": the subject runs on over the capitalised words of its name. */
function nameEnd(text: string, tokens: Token[], last: number, limit: number): number {
  let end = last;
  while (end + 1 < limit && !tokens[end + 1]?.punct && capitalised(text, tokens[end + 1] as Token)) end++;
  return end;
}

/** Whether a position of `positions` lies outside every range of `ranges`. */
function anyOutside(positions: number[], ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const i of positions) if (!inRanges(ranges, i)) return true;
  return false;
}

/** The range [a, b] without punctuation at either end (`missiles,"`: the comma is the quotation's, not a word). */
function wordsOf(tokens: Token[], a: number, b: number): [number, number] {
  while (a < b && tokens[a]?.punct) a++;
  while (b > a && tokens[b]?.punct) b--;
  return [a, b];
}

/** Whether the token range [a, b] lies inside the content of one of `frames`. */
const covered = (frames: VoiceFrame[], a: number, b: number): boolean => frames.some((f) => f.content.some(([x, y]) => a >= x && b <= y));

/** Words that open a sentence with a phrase before its subject ("During ...,", "In Tokyo,"). */
const OPENERS = new Set('in on at during after before with without despite amid following since upon under for from by as'.split(' '));

/** The first comma before `limit` of a sentence opening with a preposition or participle, else -1. */
function openingPhraseEnd(tokens: Token[], limit: number): number {
  const first = word(tokens, 0);
  if (!OPENERS.has(first) && !first.endsWith('ing')) return -1;
  for (let i = 1; i < limit; i++) if (word(tokens, i) === ',') return i;
  return -1;
}

interface Markers {
  /** Token indices of adoption and rejection markers outside quotations. */
  adoptAt: number[];
  rejectAt: number[];
  asOpening: boolean;
}

/** The marker words as a filter on token hashes: most tokens are ruled out before any lookup. */
const MARKER_FILTER = wordFilter([...ADOPT_MARKERS, ...REJECT_MARKERS]);

/** Adoption and rejection markers outside quotations. */
function markersOf(tokens: Token[], quotes: Array<[number, number]>): Markers {
  const adoptAt: number[] = [];
  const rejectAt: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!mayHold(MARKER_FILTER, (tokens[i] as Token).hash) || inRanges(quotes, i)) continue;
    const w = word(tokens, i);
    if (ADOPT_MARKERS.has(w) && w !== 'exposed' && w !== 'revealed') adoptAt.push(i);
    if (REJECT_MARKERS.has(w)) rejectAt.push(i);
  }
  return { adoptAt, rejectAt, asOpening: word(tokens, 0) === 'as' };
}

/**
 * The voices of one sentence. Quotations not introduced by a construction of the sentence belong to the last
 * named speaker (a quotation continued from the previous sentence) or, when short and unattributed, are the
 * author's scare quotes.
 */
export function sentenceVoices(text: string, tokens: Token[], mentions: TokenMention[], ctx: VoiceContext): SentenceVoices {
  if (!ctx.openQuote && !hasCue(tokens)) return NO_VOICES;
  // A quotation carried from the previous sentence goes on only into a sentence that closes it or has no quotation
  // mark; a sentence with balanced marks, or one that opens with a mark, starts afresh (news style reopens quotes).
  let marks = 0;
  for (const t of tokens) if (t.punct && t.text === '"') marks++;
  if (ctx.openQuote && ((marks > 0 && marks % 2 === 0) || (tokens[0]?.punct === true && tokens[0].text === '"'))) ctx.openQuote = false;
  if (!ctx.openQuote && closesEarlierQuote(text, tokens, marks)) ctx.openQuote = true;
  const quotes = quoteSpans(text, tokens, ctx.openQuote);
  const markers = markersOf(tokens, quotes);
  const frames: VoiceFrame[] = [];
  for (const f of findConstructions(text, tokens, quotes)) frames.push(frameOf(text, tokens, f, mentions, ctx, markers, frames.at(-1)));
  addParticipleOpener(tokens, frames, quotes);
  const scareQuotes: Array<[number, number]> = [];
  for (const [a, b] of quotes) {
    if (covered(frames, ...wordsOf(tokens, a, b))) continue;
    const continued = a === 0 && ctx.openQuote;
    if (!continued && b - a < 4) scareQuotes.push([a, b]);
    else frames.push({ speaker: ctx.lastSpeaker?.speaker ?? 'unnamed', speakerActor: ctx.lastSpeaker?.speakerActor, speakerFirst: -1, speakerLast: -1, content: [[a, b]], cue: 'quote', cueAt: -1, passive: false, adoption: 0 });
  }
  ctx.openQuote = ((ctx.openQuote ? 1 : 0) + marks) % 2 === 1;
  return { frames, scareQuotes };
}

const NO_VOICES: SentenceVoices = { frames: [], scareQuotes: [] };

/** Could the sentence report anyone? A quotation mark, colon, dash or cue word (one pass, most sentences: no). */
function hasCue(tokens: Token[]): boolean {
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    if (!t.punct) {
      if (mayHold(CUE_FILTER, t.hash) && CUE_WORDS.has(t.text)) return true;
    } else if (t.text === '"' || t.text === "'" || (t.text === ':' && (i <= 4 || i >= n - 6)) || (t.text === '-' && i >= n - 6)) return true;
  }
  return false;
}

/** The frame whose content holds the token range, if any: the innermost (shortest content span) one. */
export function frameHolding(frames: VoiceFrame[], first: number, last: number): VoiceFrame | undefined {
  let best: VoiceFrame | undefined;
  let bestSize = Infinity;
  for (const f of frames) {
    for (const [a, b] of f.content) {
      if (first >= a && last <= b && b - a < bestSize) [best, bestSize] = [f, b - a];
    }
  }
  return best;
}

/** The frame whose speaker phrase holds the token range, if any. */
export const frameSpokenBy = (frames: VoiceFrame[], first: number, last: number): VoiceFrame | undefined =>
  frames.find((f) => f.speakerFirst >= 0 && first >= f.speakerFirst && last <= f.speakerLast);
