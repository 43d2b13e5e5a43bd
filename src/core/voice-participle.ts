// A sentence that opens with the participle of a speech act ("Hailing China as a reliable friend, Putin said
// ..."): the participle's subject is the main clause's, the speaker, so the opening clause is the speaker's too. Pure.
import type { Token } from './text.js';
import { ARTICLES } from './voice-speaker.js';
import { inRanges, word } from './voice-tokens.js';
import { NEGATIVE_ACTS, POSITIVE_ACTS } from './voice-words.js';

/** Participles of speech acts that frame their object ("Calling NATO a relic", "Describing X as ..."). */
const FRAMING_PARTICIPLES = new Set(['hailing', 'welcoming', 'commending', 'lauding', 'thanking', 'calling', 'describing', 'labelling', 'labeling', 'branding', 'dubbing', 'terming', 'warning', 'urging', 'stressing', 'noting', 'insisting', 'saying', 'arguing', 'claiming']);

/** What the rule reads and extends of a frame (voice.ts's VoiceFrame). */
interface Frame {
  speakerFirst: number;
  cue: string;
  content: Array<[number, number]>;
}

const speechParticiple = (w: string): boolean => w.endsWith('ing') && (NEGATIVE_ACTS.has(w) || POSITIVE_ACTS.has(w) || FRAMING_PARTICIPLES.has(w));

/**
 * The frame whose speaker phrase starts right after the opening participle clause, with that clause added to
 * its content; the frames as they were when the sentence opens otherwise.
 */
export function addParticipleOpener(tokens: Token[], frames: Frame[], quotes: ReadonlyArray<readonly [number, number]>): void {
  if (frames.length === 0 || !speechParticiple(word(tokens, 0))) return;
  let comma = -1;
  for (let i = 1; i < tokens.length && i <= 25; i++) {
    if (word(tokens, i) === ',' && !inRanges(quotes, i)) {
      comma = i;
      break;
    }
    if (tokens[i]?.punct && word(tokens, i) !== '"' && word(tokens, i) !== "'" && word(tokens, i) !== '-') return;
  }
  if (comma < 0) return;
  const first = ARTICLES.has(word(tokens, comma + 1)) ? comma + 2 : comma + 1;
  const frame = frames.find((f) => (f.speakerFirst === comma + 1 || f.speakerFirst === first) && f.cue === 'verb');
  if (frame && !frame.content.some(([a]) => a === 0)) frame.content.push([0, comma - 1]);
}
