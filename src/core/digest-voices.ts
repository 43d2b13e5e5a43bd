// Reported voices in digests and /actor: the most quoted speakers about an actor ("Dmitry Peskov (TASS, RT) −")
// and what the outlets quoted about each actor (for the outlet × actor table's "quoted only" cells). Pure.
import type { ActorVoices, OutletActorAggregate, QuotedVoice, VoiceAggregate } from './digest-types.js';
import type { StanceLabel } from './types.js';

/** Outlets named per speaker; the rest are counted ("+2"). */
const OUTLETS_NAMED = 3;

/** The `max` most quoted speakers about `actor`: most articles first, then the clearest stance, then by name. */
export function quotedVoices(voices: readonly VoiceAggregate[], actor: string, max: number, labelOf: (mean: number) => StanceLabel): QuotedVoice[] {
  return voices
    .filter((v) => v.actor === actor && v.n > 0)
    .sort((x, y) => y.n - x.n || Math.abs(y.meanScore) - Math.abs(x.meanScore) || x.speaker.localeCompare(y.speaker))
    .slice(0, Math.max(0, max))
    .map((v) => ({
      speaker: v.speaker,
      // A speaker for the actor itself (NATO's secretary general on NATO) needs no "[NATO]".
      ...(v.speakerActor === null || v.speakerActor === actor ? {} : { speakerActor: v.speakerActor }),
      outlets: v.outlets.slice(0, OUTLETS_NAMED).map((o) => o.outlet),
      moreOutlets: Math.max(0, v.outlets.length - OUTLETS_NAMED),
      n: v.n,
      mean: v.meanScore,
      label: labelOf(v.meanScore),
    }));
}

/** The most quoted speakers per actor, in the order of `actors`; actors nobody was quoted about are left out. */
export function actorVoices(voices: readonly VoiceAggregate[], actors: readonly string[], max: number, labelOf: (mean: number) => StanceLabel): ActorVoices[] {
  return actors.map((actor) => ({ actor, voices: quotedVoices(voices, actor, max, labelOf) })).filter((a) => a.voices.length > 0);
}

/** Quoted voices per outlet × actor: articles quoting anyone about the actor (summed over speakers) and their mean. */
export function quotedByOutlet(voices: readonly VoiceAggregate[]): OutletActorAggregate[] {
  const cells = new Map<string, { outlet: string; actor: string; n: number; sum: number }>();
  for (const v of voices) {
    for (const o of v.outlets) {
      const key = `${o.outlet}\u0000${v.actor}`;
      const cell = cells.get(key) ?? { outlet: o.outlet, actor: v.actor, n: 0, sum: 0 };
      cell.n += o.n;
      cell.sum += o.meanScore * o.n;
      cells.set(key, cell);
    }
  }
  return [...cells.values()].map((c) => ({ outlet: c.outlet, actor: c.actor, n: c.n, meanScore: c.n > 0 ? c.sum / c.n : 0 }));
}

/** "−", "+" or "±" (neutral) after a speaker. */
export function voiceMark(label: StanceLabel): string {
  return label === 'negative' ? '−' : label === 'positive' ? '+' : '±';
}

/**
 * "Dmitry Peskov (TASS, RT) −"; the speaker's actor in brackets when the name does not already say it
 * ("Beijing [China]"), "unnamed sources" for an unnamed speaker. `escape` makes each name safe for the target.
 */
export function voiceText(v: QuotedVoice, escape: (text: string) => string): string {
  const speaker = v.speaker === 'unnamed' ? 'unnamed sources' : v.speaker;
  const own = v.speakerActor !== undefined && !speaker.toLowerCase().includes(v.speakerActor.toLowerCase()) ? ` [${escape(v.speakerActor)}]` : '';
  const outlets = [...v.outlets.map(escape), ...(v.moreOutlets > 0 ? [`+${v.moreOutlets}`] : [])].join(', ');
  return `${escape(speaker)}${own} (${outlets}) ${voiceMark(v.label)}`;
}

/** The speakers of one actor on one line, comma-separated. */
export function voicesLine(voices: readonly QuotedVoice[], escape: (text: string) => string): string {
  return voices.map((v) => voiceText(v, escape)).join(', ');
}
