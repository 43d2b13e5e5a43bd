// Voice attribution: which parts of a sentence report someone else's words or view, who that speaker is, and
// whether the author adopts or rejects what is reported. Pure; works on the tokens of one sentence plus a small
// context carried from sentence to sentence (the last named speaker, an unclosed quotation).
import type { Token } from './text.js';
import {
  ADOPT_MARKERS, AUXILIARIES, DOCUMENT_NOUNS, OBJECT_VERBS, REJECT_MARKERS, REPORTING_VERBS, SPEAKER_PRONOUNS,
  SPEAKER_STOPS, TRAILING, VAGUE_SOURCES,
} from './voice-words.js';

/** A mention located in the sentence's tokens. */
export interface TokenMention {
  actor: string;
  first: number;
  last: number;
}

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
  /** 1: the author adopts the claim ("rightly", a vague source); -1: rejects it ("baseless"); 0: neither. */
  adoption: -1 | 0 | 1;
}

/** What one sentence leaves to the next. */
export interface VoiceContext {
  lastSpeaker?: { speaker: string; speakerActor?: string };
  /** A quotation opened and not closed in an earlier sentence of the paragraph. */
  openQuote: boolean;
}

export const newVoiceContext = (): VoiceContext => ({ openQuote: false });

const word = (tokens: Token[], i: number): string => tokens[i]?.text ?? '';
const isQuote = (t: Token | undefined): boolean => t !== undefined && t.punct && (t.text === '"' || t.text === "'");
const capitalised = (text: string, t: Token): boolean => {
  const c = text.charCodeAt(t.start);
  return c >= 65 && c <= 90;
};

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

/** The speaker phrase ending at `end` (leftwards, up to a boundary), as a token range, or undefined. */
function speakerLeft(tokens: Token[], end: number): [number, number] | undefined {
  let first = end + 1;
  for (let i = end; i >= 0 && end - i < 9; i--) {
    const t = tokens[i] as Token;
    if ((t.punct && t.text !== '-' && t.text !== '.') || SPEAKER_STOPS.has(t.text)) break;
    first = i;
  }
  if (first > end) return undefined;
  while (first <= end && (word(tokens, first) === 'the' || word(tokens, first) === 'a' || word(tokens, first) === 'an')) first++;
  return first <= end ? [first, end] : undefined;
}

/** The speaker phrase starting at `start` (rightwards, to punctuation or a preposition). */
function speakerRight(tokens: Token[], start: number): [number, number] | undefined {
  let last = start - 1;
  for (let i = start; i < tokens.length && i - start < 9; i++) {
    const t = tokens[i] as Token;
    if (t.punct && t.text !== '-' && t.text !== "'") break;
    if (i > start && (TRAILING.has(t.text) || SPEAKER_STOPS.has(t.text))) break;
    last = i;
  }
  return last >= start ? [start, last] : undefined;
}

/** Which part of the sentence a reporting verb at `verb` introduces, given its speaker before it. */
function contentOf(tokens: Token[], verb: number, speaker: [number, number]): Array<[number, number]> {
  const end = tokens.length - 1;
  let after = verb + 1;
  while (after <= end && tokens[after]?.punct && !isQuote(tokens[after])) after++;
  const rest = after <= end && !TRAILING.has(word(tokens, after)) && word(tokens, after) !== 'reporters';
  const before = speaker[0] - 1;
  const beforeEnds = before >= 0 && tokens[before]?.punct === true && (word(tokens, before) === ',' || isQuote(tokens[before]));
  if (OBJECT_VERBS.has(word(tokens, verb)) && rest) return [[verb + 1, end]];
  if ((!rest || after > end) && beforeEnds && before > 0) return [[0, before - 1]];
  if (rest) return [[after, end]];
  return before > 0 ? [[0, before - 1]] : [];
}

interface Found {
  speaker: [number, number] | undefined;
  content: Array<[number, number]>;
  cue: VoiceFrame['cue'];
  at: number;
}

/** "X said (that) ...", "..., X said", "..., said X", "X accused Y of ...". */
function verbFrame(tokens: Token[], i: number): Found | undefined {
  let j = i - 1;
  while (j >= 0 && (AUXILIARIES.has(word(tokens, j)) || (word(tokens, j).endsWith('ly') && !tokens[j]?.punct))) j--;
  if (j < 0) return undefined;
  if (tokens[j]?.punct && (word(tokens, j) === ',' || isQuote(tokens[j]))) {
    const speaker = speakerRight(tokens, i + 1);
    if (!speaker) return undefined;
    let end = j - 1;
    while (end >= 0 && tokens[end]?.punct) end--;
    return end >= 0 ? { speaker, content: [[0, end]], cue: 'verb', at: i } : undefined;
  }
  const speaker = speakerLeft(tokens, j);
  if (!speaker) return undefined;
  return { speaker, content: contentOf(tokens, i, speaker), cue: 'verb', at: i };
}

/** "according to X, ..." or "..., according to X". */
function accordingFrame(tokens: Token[], i: number): Found | undefined {
  if (word(tokens, i + 1) !== 'to') return undefined;
  const speaker = speakerRight(tokens, i + 2);
  if (!speaker) return undefined;
  const content: Array<[number, number]> = [];
  if (i > 0) content.push([0, i - 1]);
  if (speaker[1] + 1 < tokens.length) content.push([speaker[1] + 1, tokens.length - 1]);
  return { speaker, content, cue: 'according', at: i };
}

/** "Washington's baseless claims that ...": a claim noun followed by "that". */
function claimFrame(tokens: Token[], i: number): Found | undefined {
  if (word(tokens, i + 1) !== 'that') return undefined;
  let owner = i - 1;
  while (owner >= 0 && !tokens[owner]?.punct && !word(tokens, owner).endsWith("'s")) owner--;
  const speaker = owner >= 0 && word(tokens, owner).endsWith("'s") && owner >= i - 4 ? speakerLeft(tokens, owner) : undefined;
  return { speaker, content: [[i + 2, tokens.length - 1]], cue: 'claim', at: i };
}

const CLAIM_NOUNS = new Set(['claims', 'claim', 'accusations', 'allegations', 'assertion', 'assertions', 'narrative', 'insinuations', 'suggestion']);

/** Headlines "Lavrov: ..." and "... - Lavrov" (a short name on one side of a colon or final dash). */
function headlineFrame(text: string, tokens: Token[]): Found | undefined {
  const n = tokens.length;
  for (let i = 1; i <= 4 && i < n - 2; i++) {
    if (word(tokens, i) !== ':') continue;
    const names = tokens.slice(0, i);
    if (names.every((t) => !t.punct && capitalised(text, t))) return { speaker: [0, i - 1], content: [[i + 1, n - 1]], cue: 'headline', at: i };
  }
  for (let i = n - 2; i >= n - 5 && i > 1; i--) {
    if (word(tokens, i) !== '-' || text.charAt((tokens[i] as Token).start - 1) !== ' ') continue;
    const names = tokens.slice(i + 1).filter((t) => !(t.punct && t.text === '.'));
    if (names.length > 0 && names.every((t) => !t.punct && capitalised(text, t))) return { speaker: [i + 1, n - 1], content: [[0, i - 1]], cue: 'headline', at: i };
  }
  return undefined;
}

/** Reporting constructions of a sentence, left to right (verb, "according to", claim noun, headline). */
function findConstructions(text: string, tokens: Token[], quotes: Array<[number, number]>): Found[] {
  const inQuote = (i: number): boolean => quotes.some(([a, b]) => i >= a && i <= b);
  const found: Found[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const w = word(tokens, i);
    if (tokens[i]?.punct || inQuote(i)) continue;
    let f: Found | undefined;
    if (REPORTING_VERBS.has(w)) f = verbFrame(tokens, i);
    else if (w === 'according') f = accordingFrame(tokens, i);
    else if (CLAIM_NOUNS.has(w)) f = claimFrame(tokens, i);
    if (f) {
      found.push(f);
      if (f.content.some(([a, b]) => a > i && b === tokens.length - 1)) break;
    }
  }
  if (found.length === 0) {
    const h = headlineFrame(text, tokens);
    if (h) found.push(h);
  }
  return found;
}

export interface SentenceVoices {
  frames: VoiceFrame[];
  /** Quotation spans that are no one's words but the author's scare quotes. */
  scareQuotes: Array<[number, number]>;
}

/** Speaker name, actor and adoption of a construction. */
function frameOf(text: string, tokens: Token[], f: Found, mentions: TokenMention[], ctx: VoiceContext, markers: { adopt: boolean; reject: boolean; asOpening: boolean }): VoiceFrame {
  let speaker = 'unnamed';
  let speakerActor: string | undefined;
  let vague = false;
  if (f.speaker) {
    const [a, b] = f.speaker;
    speaker = text.slice((tokens[a] as Token).start, (tokens[b] as Token).end);
    speakerActor = mentions.find((m) => m.first >= a && m.last <= b)?.actor;
    const head = word(tokens, b);
    vague = a === b && VAGUE_SOURCES.has(head) || (VAGUE_SOURCES.has(head) && !tokens.slice(a, b + 1).some((t) => capitalised(text, t)));
    if (a === b && SPEAKER_PRONOUNS.has(head) && ctx.lastSpeaker) ({ speaker, speakerActor } = ctx.lastSpeaker);
    else if (!vague && !DOCUMENT_NOUNS.has(head) && tokens.slice(a, b + 1).some((t) => capitalised(text, t))) ctx.lastSpeaker = { speaker, speakerActor };
  }
  const adoptVerb = ADOPT_MARKERS.has(word(tokens, f.at));
  const adoption = markers.reject ? -1 : markers.adopt || adoptVerb || vague || (markers.asOpening && f.at < 8) ? 1 : 0;
  return { speaker, speakerActor, speakerFirst: f.speaker?.[0] ?? -1, speakerLast: f.speaker?.[1] ?? -1, content: f.content, cue: f.cue, adoption };
}

/** Adoption and rejection markers outside quotations. */
function markersOf(tokens: Token[], quotes: Array<[number, number]>): { adopt: boolean; reject: boolean; asOpening: boolean } {
  let adopt = false;
  let reject = false;
  for (let i = 0; i < tokens.length; i++) {
    if (quotes.some(([a, b]) => i >= a && i <= b)) continue;
    const w = word(tokens, i);
    if (ADOPT_MARKERS.has(w) && w !== 'exposed' && w !== 'revealed') adopt = true;
    if (REJECT_MARKERS.has(w)) reject = true;
  }
  return { adopt, reject, asOpening: word(tokens, 0) === 'as' };
}

/**
 * The voices of one sentence. Quotations not introduced by a construction of the sentence belong to the last
 * named speaker (a quotation continued from the previous sentence) or, when short and unattributed, are the
 * author's scare quotes.
 */
export function sentenceVoices(text: string, tokens: Token[], mentions: TokenMention[], ctx: VoiceContext): SentenceVoices {
  const quotes = quoteSpans(text, tokens, ctx.openQuote);
  const markers = markersOf(tokens, quotes);
  const frames = findConstructions(text, tokens, quotes).map((f) => frameOf(text, tokens, f, mentions, ctx, markers));
  const covered = (a: number, b: number): boolean => frames.some((f) => f.content.some(([x, y]) => a >= x && b <= y));
  const scareQuotes: Array<[number, number]> = [];
  for (const [a, b] of quotes) {
    if (covered(a, b)) continue;
    const continued = a === 0 && ctx.openQuote;
    if (!continued && b - a < 4) scareQuotes.push([a, b]);
    else frames.push({ speaker: ctx.lastSpeaker?.speaker ?? 'unnamed', speakerActor: ctx.lastSpeaker?.speakerActor, speakerFirst: -1, speakerLast: -1, content: [[a, b]], cue: 'quote', adoption: 0 });
  }
  let quoteMarks = ctx.openQuote ? 1 : 0;
  for (const t of tokens) if (t.punct && t.text === '"') quoteMarks++;
  ctx.openQuote = quoteMarks % 2 === 1;
  return { frames, scareQuotes };
}

/** The frame whose content holds the token range, if any (the innermost, i.e. the last found). */
export function frameHolding(frames: VoiceFrame[], first: number, last: number): VoiceFrame | undefined {
  for (let k = frames.length - 1; k >= 0; k--) {
    const f = frames[k] as VoiceFrame;
    if (f.content.some(([a, b]) => first >= a && last <= b)) return f;
  }
  return undefined;
}

/** The frame whose speaker phrase holds the token range, if any. */
export const frameSpokenBy = (frames: VoiceFrame[], first: number, last: number): VoiceFrame | undefined =>
  frames.find((f) => f.speakerFirst >= 0 && first >= f.speakerFirst && last <= f.speakerLast);
