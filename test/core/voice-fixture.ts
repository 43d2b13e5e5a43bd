// Helpers of the voice and author-view tests: the frames of a run of sentences (one VoiceContext carried across
// them), and the terms the author holds in one sentence (authorTerms on the real lexicons).
import { expect } from 'vitest';
import { createRegistry } from '../../src/core/actors.js';
import { targetRole } from '../../src/core/attribution.js';
import { compileAuthorLexicon, authorAttribution, authorTerms } from '../../src/core/author.js';
import { prepareSentence, type PreparedSentence } from '../../src/core/features.js';
import { compileLexicon, type ScoredTerm } from '../../src/core/lexicon.js';
import { normaliseText, tokenize, type Token } from '../../src/core/text.js';
import { newVoiceContext, sentenceVoices, type TokenMention, type VoiceFrame } from '../../src/core/voice.js';
import { loadActors, loadAuthorLexicon, loadLexicon, projectRoot } from '../../src/resources.js';

const root = projectRoot();
const registry = createRegistry(loadActors(root));
const lexicon = compileLexicon(loadLexicon(root));
const authorLexicon = compileAuthorLexicon(loadAuthorLexicon(root));

/** A frame as the tests read it: speaker, speaker actor, adoption, and the actors and words it reports. */
export interface ReadFrame {
  speaker: string;
  speakerActor: string | undefined;
  adoption: -1 | 0 | 1;
  cue: VoiceFrame['cue'];
  /** Actors with a mention inside the reported content. */
  reports: string[];
  /** The reported content, lower-case words joined by spaces. */
  content: string;
}

export interface ReadSentence {
  frames: ReadFrame[];
  /** Scare-quoted words, joined by spaces. */
  scareQuotes: string[];
}

const words = (tokens: Token[], a: number, b: number): string => tokens.slice(a, b + 1).map((t) => t.text).join(' ');

function located(text: string, tokens: Token[]): Array<TokenMention & { start: number; end: number }> {
  const out: Array<TokenMention & { start: number; end: number }> = [];
  for (const m of registry.findMentions(text)) {
    const idx = tokens.flatMap((t, i) => (t.start < m.end && t.end > m.start ? [i] : []));
    if (idx.length > 0) out.push({ actor: m.actor, first: idx[0] as number, last: idx[idx.length - 1] as number, start: m.start, end: m.end });
  }
  return out;
}

/** The voices of each sentence, read in order with one context (as the sentences of one article are). */
export function readVoices(...sentences: string[]): ReadSentence[] {
  const ctx = newVoiceContext();
  return sentences.map((raw) => {
    const text = normaliseText(raw);
    const tokens = tokenize(text);
    const mentions = located(text, tokens);
    const v = sentenceVoices(text, tokens, mentions, ctx);
    const frames = v.frames.map((f) => ({
      speaker: f.speaker,
      speakerActor: f.speakerActor,
      adoption: f.adoption,
      cue: f.cue,
      reports: [...new Set(mentions.filter((m) => f.content.some(([a, b]) => m.first >= a && m.last <= b)).map((m) => m.actor))],
      content: f.content.map(([a, b]) => words(tokens, a, b)).join(' | '),
    }));
    return { frames, scareQuotes: v.scareQuotes.map(([a, b]) => words(tokens, a, b)) };
  });
}

/** The one sentence's voices. */
export const voicesOf = (sentence: string): ReadSentence => readVoices(sentence)[0] as ReadSentence;

/** A sentence prepared as the analyser prepares it, its mentions, and the terms the author holds in it. */
function withOwnTerms(raw: string): { prepared: PreparedSentence; mentions: ReturnType<typeof located>; terms: ScoredTerm[] } {
  const text = normaliseText(raw);
  const tokens = tokenize(text);
  const mentions = located(text, tokens);
  const prepared = prepareSentence(text, lexicon, mentions.map((m) => [m.start, m.end]), tokens);
  const frames = sentenceVoices(text, tokens, mentions, newVoiceContext()).frames;
  const skip = new Uint8Array(tokens.length);
  for (const m of mentions) for (let i = m.first; i <= m.last; i++) skip[i] = 1;
  return { prepared, mentions, terms: authorTerms(tokens, prepared.terms, authorLexicon, frames, skip) };
}

/** The terms the author holds in a sentence, with their weights (authorTerms on the real lexicons). */
export const ownTerms = (raw: string): ScoredTerm[] => withOwnTerms(raw).terms;

/**
 * The author's own terms given to one actor of a sentence (authorAttribution, every other actor a rival):
 * positive minus negative mass, and the bound part of it (modifier, possessor, foil, the one accused).
 */
export function ownMass(raw: string, actor: string): { net: number; bound: number } {
  const { prepared, mentions, terms } = withOwnTerms(raw);
  const span = (m: { first: number; last: number }): number[] => Array.from({ length: m.last - m.first + 1 }, (_, k) => m.first + k);
  const target = mentions.filter((m) => m.actor === actor).map(span)[0];
  if (target === undefined) throw new Error(`no mention of ${actor} in: ${raw}`);
  const others = mentions.filter((m) => m.actor !== actor).map(span);
  const a = authorAttribution(prepared, terms, target, others, targetRole(prepared, target), authorLexicon);
  return { net: a.positive - a.negative, bound: a.boundPositive - a.boundNegative };
}

/** Sum of the author's term weights: the direction of the author's own wording. */
export const ownWeight = (sentence: string): number => ownTerms(sentence).reduce((s, t) => s + t.weight, 0);

/** The only frame of a sentence (fails the test when there is none or more than one). */
export function onlyFrame(sentence: string): ReadFrame {
  const { frames } = voicesOf(sentence);
  expect(frames).toHaveLength(1);
  return frames[0] as ReadFrame;
}

/** The frame whose content reports the actor (the innermost when several do). */
export const frameReporting = (frames: ReadFrame[], actor: string): ReadFrame | undefined =>
  frames.filter((f) => f.reports.includes(actor)).sort((a, b) => a.content.length - b.content.length)[0];

/** The speaker of the frame reporting `actor` in the last of `sentences` (read in order, as one article). */
export const speakerOn = (actor: string, ...sentences: string[]): string | undefined =>
  frameReporting(readVoices(...sentences).at(-1)?.frames ?? [], actor)?.speaker;
