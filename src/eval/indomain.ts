// In-domain evaluation in the guideline's format (../shared/annotation/author-stance-guideline.md):
// articles.jsonl + sentences.jsonl -> sentence and article macro-F1 (author or sentence view), per outlet group,
// and voice accuracy. The analyser runs on whole articles, as the product does.
import { z } from 'zod';
import type { Analyser } from '../core/analyse.js';
import { classReport, type ClassReport } from './scores.js';
import type { Prediction } from '../core/model.js';
import type { SentenceStance } from '../core/stance.js';
import { normaliseText } from '../core/text.js';
import type { StanceLabel } from '../core/types.js';

const label = z.union([z.literal(-1), z.literal(0), z.literal(1)]);
export const articleSchema = z.object({
  id: z.string(),
  outlet: z.string(),
  outlet_group: z.string().optional(),
  url: z.string().optional(),
  title: z.string().nullable().optional(),
  kind: z.string().optional(),
  text: z.string().optional(),
  doc_labels: z.record(z.string(), label),
});
export const sentenceSchema = z.object({
  article: z.string(),
  sentence: z.string(),
  actor: z.string(),
  mention: z.string(),
  label,
  voice: z.object({ speaker: z.string(), speaker_actor: z.string().nullable(), label }).optional(),
});
export type IndomainArticle = z.infer<typeof articleSchema>;
export type IndomainSentence = z.infer<typeof sentenceSchema>;
export type View = 'author' | 'sentence';

export const LABEL_OF: Record<number, StanceLabel> = { [-1]: 'negative', 0: 'neutral', 1: 'positive' };

export interface PairPrediction {
  article: string;
  sentence: string;
  actor: string;
  gold: StanceLabel;
  predicted: StanceLabel;
  score: number;
  /** false when the analyser found no mention of the actor in a matching sentence (counted as neutral). */
  found: boolean;
  voice?: { gold: { speaker: string; speakerActor: string | null; label: StanceLabel }; predicted?: { speaker: string; speakerActor: string | null; label: StanceLabel }; speakerRight: boolean; labelRight: boolean };
}

export interface IndomainReport {
  view: View;
  sentences: ClassReport;
  articles: ClassReport;
  byGroup: Record<string, { sentences: ClassReport; articles: ClassReport }>;
  voices: { n: number; speakerRight: number; labelRight: number; bothRight: number; accuracy: number };
  coverage: { pairs: number; found: number };
  predictions: PairPrediction[];
}

const squeeze = (s: string): string => normaliseText(s).replace(/\s+/g, ' ').trim();

/** The analysed sentence that holds the gold sentence's mention of the actor (equal, or one inside the other). */
function matchStance(stances: SentenceStance[], gold: IndomainSentence): SentenceStance | undefined {
  const want = squeeze(gold.sentence);
  const mine = stances.filter((s) => s.actor === gold.actor);
  const mention = squeeze(gold.mention);
  return mine.find((s) => squeeze(s.sentence) === want) ??
    mine.find((s) => want.includes(squeeze(s.sentence)) && squeeze(s.sentence).includes(mention)) ??
    mine.find((s) => squeeze(s.sentence).includes(want));
}

/**
 * Words that name no one: function words, honorifics ("Mr Kelin" is not "Mr Kinnock") and the two-letter
 * abbreviations of states and blocs ("US President Trump" is not "the US State Department").
 */
const NAME_STOP = new Set(['the', 'of', 'a', 'an', 'to', 'in', 'on', 'for', 'and', 'at', 'by', 'as', 'is', "'s", 'mr', 'ms', 'mrs', 'dr', 'us', 'uk', 'eu', 'un']);
/** Name words of two letters or more: "Xi" and "Wu" are names ("Xi" names "Xi Jinping"). */
const nameWords = (s: string): Set<string> =>
  new Set(squeeze(s).toLowerCase().replace(/'s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !NAME_STOP.has(w)));

/** A predicted speaker names the gold one when they share a name word, or both are unnamed. */
export function sameSpeaker(gold: string, predicted: string): boolean {
  if (gold === 'unnamed' || predicted === 'unnamed') return gold === predicted || !/[A-Z]/.test(predicted);
  const g = nameWords(gold);
  for (const w of nameWords(predicted)) if (g.has(w)) return true;
  return false;
}

function voiceOf(pair: IndomainSentence, stance: SentenceStance | undefined): PairPrediction['voice'] {
  if (!pair.voice) return undefined;
  const gold = { speaker: pair.voice.speaker, speakerActor: pair.voice.speaker_actor, label: LABEL_OF[pair.voice.label] as StanceLabel };
  const v = stance?.voice;
  if (!v) return { gold, speakerRight: false, labelRight: false };
  const predicted = { speaker: v.speaker, speakerActor: v.speakerActor ?? null, label: v.prediction.label };
  const speakerRight = sameSpeaker(gold.speaker, v.speaker) || (gold.speakerActor !== null && gold.speakerActor === predicted.speakerActor && !/[A-Z]/.test(v.speaker.replace(/^\S+/, '')));
  return { gold, predicted, speakerRight, labelRight: predicted.label === gold.label };
}

const pick = (s: SentenceStance, view: View): Prediction => (view === 'author' ? s.author : s.prediction);

/**
 * An article stored without its text (the training format: sentences with their URL, never whole articles) is
 * read as its labelled sentences in order, the leading excerpt its labeller read, headline apart.
 */
function labelledText(article: IndomainArticle, sentences: IndomainSentence[]): string {
  const seen = new Set<string>([article.title ?? '']);
  const out: string[] = [];
  for (const s of sentences) {
    if (s.article !== article.id || seen.has(s.sentence)) continue;
    seen.add(s.sentence);
    out.push(s.sentence);
  }
  return out.join(' ');
}

/** Scores an analyser on an in-domain set. */
export function evaluateIndomain(analyser: Analyser, articles: IndomainArticle[], sentences: IndomainSentence[], view: View): IndomainReport {
  const predictions: PairPrediction[] = [];
  const docPairs: Array<{ group: string; gold: StanceLabel; predicted: StanceLabel }> = [];
  const groupOf = new Map(articles.map((a) => [a.id, a.outlet_group ?? 'all']));
  for (const article of articles) {
    const input = { title: article.title ?? undefined, text: article.text ?? labelledText(article, sentences) };
    const { analysis, stances } = analyser.analyseWithStances(input);
    for (const pair of sentences.filter((s) => s.article === article.id)) {
      const stance = matchStance(stances, pair);
      const p = stance ? pick(stance, view) : undefined;
      predictions.push({
        article: article.id, sentence: pair.sentence, actor: pair.actor, gold: LABEL_OF[pair.label] as StanceLabel,
        predicted: p?.label ?? 'neutral', score: Math.round((p?.score ?? 0) * 1e4) / 1e4, found: stance !== undefined, voice: voiceOf(pair, stance),
      });
    }
    for (const [actor, value] of Object.entries(article.doc_labels)) {
      const found = analysis.actors.find((a) => a.actor === actor);
      const predicted: StanceLabel = view === 'author' ? found?.label ?? 'neutral' : sentenceViewLabel(stances, actor);
      docPairs.push({ group: groupOf.get(article.id) ?? 'all', gold: LABEL_OF[value] as StanceLabel, predicted });
    }
  }
  const groups = [...new Set(articles.map((a) => a.outlet_group ?? 'all'))].sort();
  const byGroup = Object.fromEntries(groups.map((g) => [g, {
    sentences: classReport(predictions.filter((p) => groupOf.get(p.article) === g)),
    articles: classReport(docPairs.filter((d) => d.group === g)),
  }]));
  const voiced = predictions.filter((p) => p.voice);
  const count = (f: (p: PairPrediction) => boolean): number => voiced.filter(f).length;
  const bothRight = count((p) => p.voice?.speakerRight === true && p.voice.labelRight);
  return {
    view,
    sentences: classReport(predictions),
    articles: classReport(docPairs),
    byGroup,
    voices: { n: voiced.length, speakerRight: count((p) => p.voice?.speakerRight === true), labelRight: count((p) => p.voice?.labelRight === true), bothRight, accuracy: voiced.length ? bothRight / voiced.length : 0 },
    coverage: { pairs: predictions.length, found: predictions.filter((p) => p.found).length },
    predictions,
  };
}

/** Article label in the sentence view: the mean sentence-view score of the actor's sentences, same threshold. */
function sentenceViewLabel(stances: SentenceStance[], actor: string): StanceLabel {
  const scores = stances.filter((s) => s.actor === actor).map((s) => s.prediction.score);
  if (scores.length === 0) return 'neutral';
  const score = scores.reduce((a, b) => a + b, 0) / (scores.length + 0.5);
  return score >= 0.15 ? 'positive' : score <= -0.15 ? 'negative' : 'neutral';
}
