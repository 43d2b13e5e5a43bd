// Headline attribution: "Lavrov: ..." (a short name or description before a colon), "... - Lavrov" or "...: Lavrov" (at the end,
// also a short description: "... – Russian spy agency", "...: expert");
// rubrics such as "Analysis:" name no speaker. Pure.
import type { Token } from './text.js';
import { capitalised, word, type Found } from './voice-tokens.js';
import { MEDIA_NOUNS, ORGANISATION_NOUNS, SOURCE_NOUNS, SPEAKER_NOUNS } from './voice-words.js';

/** Heads of a described speaker after a headline's final dash or colon ("– Russian spy agency", ": expert"). */
const DESCRIBED_HEADS = new Set([...SPEAKER_NOUNS, ...SOURCE_NOUNS, ...MEDIA_NOUNS, ...ORGANISATION_NOUNS, 'commissioner', 'commissioners', 'chief', 'envoys', 'ministers', 'diplomats']);

/** A short speaker description: up to four words, the last a speaker's noun ("ex-EU commissioner", "expert"). */
const described = (names: Token[]): boolean =>
  names.length <= 4 && names.every((t) => !t.punct) && DESCRIBED_HEADS.has((names[names.length - 1] as Token).text);

/** Rubrics before a headline colon that are no speaker ("Analysis: ...", "Opinion: ..."). */
const RUBRICS = new Set('analysis opinion editorial commentary comment explainer exclusive update breaking watch live photos video interview factbox q&a review feature special report news column viewpoint perspective'.split(' '));

/** Headlines "Lavrov: ...", "... - Lavrov" and "...: Lavrov" (a short name on one side of a colon or final dash). */
export function headlineFrame(text: string, tokens: Token[]): Found | undefined {
  const n = tokens.length;
  for (let i = 1; i <= 4 && i < n - 2; i++) {
    if (word(tokens, i) !== ':') continue;
    const names = tokens.slice(0, i);
    if (names.some((t) => RUBRICS.has(t.text))) break;
    // "Lavrov: ...", and a short description that ends with a speaker's noun: "Uganda leader: ...", "Chinese envoy: ...".
    if (names.every((t) => !t.punct && capitalised(text, t)) || described(names)) return { speaker: [0, i - 1], content: [[i + 1, n - 1]], cue: 'headline', at: i };
  }
  for (let i = n - 2; i >= n - 5 && i > 1; i--) {
    // "... - Lavrov" (a spaced dash) and "...: Tsai" (a colon near the end, the South Asian and Gulf style).
    const colon = word(tokens, i) === ':';
    if (!colon && (word(tokens, i) !== '-' || text.charAt((tokens[i] as Token).start - 1) !== ' ')) continue;
    const names = tokens.slice(i + 1).filter((t) => !(t.punct && t.text === '.'));
    if (colon && names.some((t) => RUBRICS.has(t.text))) break;
    if (names.length > 0 && (names.every((t) => !t.punct && capitalised(text, t)) || described(names))) return { speaker: [i + 1, n - 1], content: [[0, i - 1]], cue: 'headline', at: i };
  }
  return undefined;
}
