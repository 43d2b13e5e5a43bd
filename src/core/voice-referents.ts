// Who a speaker phrase refers to: the named speakers met so far in the article (the context one sentence leaves to
// the next), a fuller form of a short name, a definite description by role ("the minister", "The Foreign Minister",
// "the paper") and a person actor's anaphor ("the Russian leader"). Pure.
import type { Token } from './text.js';
import { capitalised, word } from './voice-tokens.js';
import { NO_SIDES, type SpeakerSides } from './voice-sides.js';
import { MEDIA_NOUNS, ORGANISATION_NOUNS, PUBLICATION_WORDS, ROLE_NOUNS, TITLE_WORDS } from './voice-words.js';

/** A mention located in the sentence's tokens. */
export interface TokenMention {
  actor: string;
  first: number;
  last: number;
}

/** What one sentence leaves to the next. */
export interface VoiceContext {
  lastSpeaker?: { speaker: string; speakerActor?: string };
  /** Named speakers met so far, longest form first ("Russian Foreign Minister Sergey Lavrov"). */
  speakers: Array<{ speaker: string; speakerActor?: string }>;
  /** A quotation opened and not closed in an earlier sentence of the paragraph. */
  openQuote: boolean;
  /** Whom listed speakers and person actors speak for. */
  sides: SpeakerSides;
}

export const newVoiceContext = (sides: SpeakerSides = NO_SIDES): VoiceContext => ({ openQuote: false, speakers: [], sides });

/** An earlier, fuller form of a speaker ("Lavrov" -> "Russian Foreign Minister Sergey Lavrov"). */
export function fullerSpeaker(ctx: VoiceContext, speaker: string): { speaker: string; speakerActor?: string } | undefined {
  const short = speaker.toLowerCase();
  return ctx.speakers.find((s) => s.speaker.length > speaker.length && s.speaker.toLowerCase().includes(short));
}

/**
 * "The minister said", "the Iranian diplomat added", "the outlet explained", "the op-ed added": a definite role,
 * media or organisation noun without a name refers back to a speaker already named. The latest named speaker whose
 * name holds the noun ("Foreign Minister Sergei Lavrov" for "the minister"; for a media noun, a publication's name:
 * "the paper" is "The Yomiuri Shimbun"), else, for a person's role only, the latest named speaker ("the ministry"
 * is not the spokesman quoted last). A demonym may qualify the noun (a mention: "the Iranian diplomat"); any other
 * capitalised word but a title's ("The Foreign Minister stressed") makes it a name. A title must be in the name it
 * refers to: "the prime minister" is not "Foreign Minister Hakan Fidan".
 */
export function definiteDescription(text: string, tokens: Token[], first: number, b: number, mentions: TokenMention[], ctx: VoiceContext): { speaker: string; speakerActor?: string } | undefined {
  const a = word(tokens, first) === 'the' && first < b ? first + 1 : first; // "..., added the president": the phrase holds its article
  const head = word(tokens, b);
  const organisation = ORGANISATION_NOUNS.has(head);
  const media = MEDIA_NOUNS.has(head);
  if (word(tokens, a - 1) !== 'the' || b - a > 2 || !(organisation || media || ROLE_NOUNS.has(head)) || ctx.lastSpeaker === undefined) return undefined;
  for (let i = a; i < b; i++) if (capitalised(text, tokens[i] as Token) && !TITLE_WORDS.has(word(tokens, i)) && !ROLE_NOUNS.has(word(tokens, i)) && !mentions.some((m) => m.first <= i && m.last >= i)) return undefined;
  const titles = tokens.slice(a, b).map((t) => t.text).filter((w) => TITLE_WORDS.has(w));
  let otherOffice = false;
  for (let k = ctx.speakers.length - 1; k >= 0; k--) {
    const named = ctx.speakers[k] as { speaker: string; speakerActor?: string };
    const words = named.speaker.toLowerCase().split(/\s+/);
    if (media && words.some((w) => PUBLICATION_WORDS.has(w))) return named;
    if (!words.includes(head)) continue;
    if (titles.every((w) => words.includes(w))) return named;
    otherOffice = true;
  }
  // "The Prime Minister" after "Foreign Minister Hakan Fidan" is someone else: it stays as written.
  return organisation || media || otherOffice ? undefined : ctx.lastSpeaker;
}

/** Heads of a description that names a person by role ("the Russian leader", "the Chinese president"). */
const PERSON_HEADS = new Set([...ROLE_NOUNS, 'leader']);

/**
 * "The Russian leader added ...": a speaker phrase that is wholly an actor's description by role (a mention of a
 * person actor through its anaphor) is that person, named as the article named them: the actor.
 */
export function personAnaphor(tokens: Token[], a: number, b: number, mentions: TokenMention[]): string | undefined {
  if (word(tokens, a - 1) !== 'the' || !PERSON_HEADS.has(word(tokens, b))) return undefined;
  return mentions.find((m) => m.first === a - 1 && m.last === b)?.actor;
}

/**
 * "Iranian president", "Indian envoy to China": a speaker phrase headed by a role whose only capitalised words are
 * mentions (demonyms) and titles describes someone, it names no one; it is not kept among the named speakers a
 * later "the president" or "the envoy" refers back to (the name the article gives next is).
 */
export function describedOnly(text: string, tokens: Token[], a: number, b: number, mentions: TokenMention[]): boolean {
  let role = false;
  for (let i = a; i <= b; i++) {
    const w = word(tokens, i);
    role ||= PERSON_HEADS.has(w);
    if (capitalised(text, tokens[i] as Token) && !TITLE_WORDS.has(w) && !ROLE_NOUNS.has(w) && !mentions.some((m) => m.first <= i && m.last >= i)) return false;
  }
  return role;
}
