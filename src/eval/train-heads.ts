// Training of the author and voice heads on in-domain sentences labelled to the guideline (datasets/indomain-train):
// each labelled sentence is analysed alone (headlines as titles), its author-view and voice features are taken
// from the analyser, and two small logistic regressions are fitted; the article aggregation (prior, threshold) is
// chosen on the training articles' doc labels. The shared dev set is never used here.
import type { Analyser } from '../core/analyse.js';
import { blendProbs, VOICE_FEATURES } from '../core/author.js';
import { AUTHOR_BITS } from '../core/author-vector.js';
import { LABELS, packWeights } from '../core/model.js';
import type { Example } from './train.js';
import { authorEnsemble } from './train-author.js';
import type { AuthorHeadData } from '../core/author-head.js';
import { articleFeatures, articleProbs, articleScore, labelOf, voteOf } from '../core/aggregate.js';
import { holdsAuthorTerms } from '../core/stance.js';
import { classReport, macroF1OfProbs } from './scores.js';
import type { StanceLabel } from '../core/types.js';
import { crossValidateDense, predictDense, trainDense, type DenseExample } from './dense-lr.js';
import { chooseContext } from './train-context.js';
import type { IndomainArticle, IndomainSentence } from './indomain.js';

const L2_GRID = [0.001, 0.01, 0.03, 0.1];
const NO_LEXICON = [0, 0, 0, 0, 0, 0] as const;
const PRIORS = [0.5, 1, 2, 3, 5];
const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
const FOLDS = 5;

export interface HeadTraining {
  head: AuthorHeadData;
  report: string[];
}

interface Collected {
  author: Array<Example & { group: string; gated: number[]; voiced: boolean; termless: boolean }>;
  voice: DenseExample[];
  /** Author example index per (article, actor), for the article aggregation. */
  byArticleActor: Map<string, number[]>;
  missing: number;
}

function collect(analyser: Analyser, articles: IndomainArticle[], sentences: IndomainSentence[]): Collected {
  const titles = new Map(articles.map((a) => [a.id, a.title ?? '']));
  // The article names these actors: their anaphors ("the North", "the island") are mentions, as in the article.
  const named = new Map(articles.map((a) => [a.id, Object.keys(a.doc_labels)]));
  const out: Collected = { author: [], voice: [], byArticleActor: new Map(), missing: 0 };
  const cache = new Map<string, ReturnType<Analyser['stances']>>();
  for (const pair of sentences) {
    const headline = titles.get(pair.article) === pair.sentence;
    const key = `${headline ? 'T' : 'S'}${pair.article}\u0000${pair.sentence}`;
    let stances = cache.get(key);
    const context = { named: named.get(pair.article) ?? [] };
    if (!stances) cache.set(key, (stances = analyser.stances(headline ? { title: pair.sentence, text: '', ...context } : { text: pair.sentence, ...context })));
    const stance = stances.find((s) => s.actor === pair.actor);
    if (!stance) {
      out.missing++;
      continue;
    }
    const k = `${pair.article}\u0000${pair.actor}`;
    out.byArticleActor.set(k, [...(out.byArticleActor.get(k) ?? []), out.author.length]);
    out.author.push({ features: stance.authorFeatures, label: pair.label + 1, lexicon: NO_LEXICON, group: pair.article, gated: stance.authorParts.gated, voiced: stance.voice !== undefined, termless: !holdsAuthorTerms(stance) });
    if (pair.voice && stance.voice) out.voice.push({ x: stance.voice.features, y: pair.voice.label + 1, group: pair.article });
  }
  return out;
}

type AggregateChoice = Rule & { head?: number[] };

const BLENDS = [0, 0.25, 0.5, 0.75, 1];
const BLEND_TIE = 0.005;
const NEUTRAL_MARGINS = [0, 0.05, 0.1, 0.15, 0.2];

/** Weight of the learned model against the gated sentence view, by out-of-fold macro-F1. */
function chooseBlend(c: Collected, learned: Array<[number, number, number]>, report: string[]): { blend: number; neutralMargin: number; probs: Array<[number, number, number]> } {
  const tried = BLENDS.flatMap((blend) => NEUTRAL_MARGINS.map((neutralMargin) => {
    const probs = c.author.map((e, i) => blendProbs(blend, neutralMargin, learned[i] as number[], e.gated));
    const f1 = macroF1OfProbs(c.author, probs);
    report.push(`author view blend ${blend}, neutral margin ${neutralMargin} (learned model vs gated sentence view) macro-F1=${f1.toFixed(4)}`);
    return { blend, neutralMargin, f1, probs };
  }));
  // Within BLEND_TIE of the best, keep the most of the sentence model's structure (foils, bound terms): the data
  // cannot tell those blends apart, and the structure is what the guideline's rules describe.
  const top = Math.max(...tried.map((t) => t.f1));
  return tried.find((t) => t.f1 >= top - BLEND_TIE) as (typeof tried)[number];
}

function bestL2(examples: DenseExample[], report: string[], name: string): number {
  let best = { l2: L2_GRID[0] as number, f1: -1 };
  for (const l2 of L2_GRID) {
    const f1 = crossValidateDense(examples, l2, FOLDS);
    report.push(`${name} head cv l2=${l2} macro-F1=${f1.toFixed(4)}`);
    if (f1 > best.f1) best = { l2, f1 };
  }
  return best.l2;
}

/** An (article, actor) doc label with the indices of the actor's author examples in that article. */
interface ArticlePair {
  article: string;
  gold: number;
  idx: number[];
}

function articlePairs(articles: IndomainArticle[], c: Collected): ArticlePair[] {
  const out: ArticlePair[] = [];
  for (const a of articles) {
    for (const [actor, value] of Object.entries(a.doc_labels)) out.push({ article: a.id, gold: value + 1, idx: c.byArticleActor.get(`${a.id}\u0000${actor}`) ?? [] });
  }
  return out;
}

type Rule = { prior: number; threshold: number; votes: boolean };

/** Sentence scores as a rule reads them: label votes or P(positive) - P(negative). */
const ruleScores = (probs: Array<[number, number, number]>, votes: boolean): number[] => probs.map((p) => (votes ? voteOf(p) : p[2] - p[0]));

/** The rule's label of one article pair (an actor without a mention is neutral). */
const ruleLabel = (p: ArticlePair, scores: number[], rule: Rule): StanceLabel =>
  p.idx.length === 0 ? 'neutral' : labelOf(articleScore(p.idx.map((i) => scores[i] as number), rule.prior), rule.threshold);

/** The article head's features of one article pair. */
const pairFeatures = (p: ArticlePair, c: Collected, probs: Array<[number, number, number]>): Float64Array => {
  const examples = p.idx.map((i) => c.author[i] as Collected['author'][number]);
  return articleFeatures(articleProbs(p.idx.map((i) => probs[i] as number[]), examples.map((e) => e.termless)), examples.map((e) => e.voiced));
};

/** Prior and threshold with the best article macro-F1 over `pairs` (an actor without a mention is neutral). */
function bestRule(pairs: ArticlePair[], probs: Array<[number, number, number]>): Rule & { f1: number } {
  let best: Rule & { f1: number } = { prior: 0.5, threshold: 0.15, votes: false, f1: -1 };
  for (const votes of [false, true]) {
    const scores = ruleScores(probs, votes);
    for (const prior of PRIORS) {
      for (const threshold of THRESHOLDS) {
        const f1 = classReport(pairs.map((p) => ({ gold: LABELS[p.gold] as StanceLabel, predicted: ruleLabel(p, scores, { prior, threshold, votes }) }))).macroF1;
        if (f1 > best.f1 + 1e-9) best = { prior, threshold, votes, f1 };
      }
    }
  }
  return best;
}

const ARTICLE_L2_GRID = [3e-4, 1e-3, 3e-3, 1e-2];

function articleExamples(pairs: ArticlePair[], c: Collected, probs: Array<[number, number, number]>): DenseExample[] {
  return pairs.filter((p) => p.idx.length > 0).map((p) => ({
    x: pairFeatures(p, c, probs),
    y: p.gold,
    group: p.article,
  }));
}

/**
 * Article macro-F1 of the head (per l2) and of the vote rule, both out of fold by article: each fold's rule is
 * chosen on the other folds, each fold's head trained on them. An actor without a mention is neutral for both.
 */
function crossValidateArticles(pairs: ArticlePair[], c: Collected, probs: Array<[number, number, number]>): { rule: number; head: Map<number, number> } {
  const groups = [...new Set(pairs.map((p) => p.article))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % FOLDS]));
  const rule: Array<{ gold: StanceLabel; predicted: StanceLabel }> = [];
  const head = new Map(ARTICLE_L2_GRID.map((l2) => [l2, [] as Array<{ gold: StanceLabel; predicted: StanceLabel }>]));
  for (let f = 0; f < FOLDS; f++) {
    const train = pairs.filter((p) => foldOf.get(p.article) !== f);
    const test = pairs.filter((p) => foldOf.get(p.article) === f);
    const chosen = bestRule(train, probs);
    const scores = ruleScores(probs, chosen.votes);
    for (const p of test) rule.push({ gold: LABELS[p.gold] as StanceLabel, predicted: ruleLabel(p, scores, chosen) });
    const examples = articleExamples(train, c, probs);
    for (const l2 of ARTICLE_L2_GRID) {
      const w = trainDense(examples, l2);
      for (const p of test) {
        head.get(l2)?.push({ gold: LABELS[p.gold] as StanceLabel, predicted: p.idx.length === 0 ? 'neutral' : predictDense(w, pairFeatures(p, c, probs)) });
      }
    }
  }
  return { rule: classReport(rule).macroF1, head: new Map([...head].map(([l2, ps]) => [l2, classReport(ps).macroF1])) };
}

/**
 * The article aggregation with the best out-of-fold article macro-F1 over the training articles' doc labels: the
 * article head (a small logistic regression over `articleFeatures`) or the rule (prior and threshold over sentence
 * votes or scores). The rule's prior and threshold are kept either way (the head's fallback for an old model).
 */
function chooseAggregate(articles: IndomainArticle[], c: Collected, probs: Array<[number, number, number]>, report: string[]): AggregateChoice {
  const pairs = articlePairs(articles, c);
  const rule = bestRule(pairs, probs);
  const cv = crossValidateArticles(pairs, c, probs);
  report.push(`article aggregation rule on the training articles (out-of-fold sentences): ${rule.votes ? 'label votes' : 'scores'}, prior ${rule.prior}, threshold ${rule.threshold}, macro-F1 ${rule.f1.toFixed(4)} in sample, ${cv.rule.toFixed(4)} out of fold`);
  let best = { l2: 0, f1: -1 };
  for (const [l2, f1] of cv.head) {
    report.push(`article head cv (folds by article) l2=${l2} macro-F1=${f1.toFixed(4)}`);
    if (f1 > best.f1) best = { l2, f1 };
  }
  const choice = { prior: rule.prior, threshold: rule.threshold, votes: rule.votes };
  if (best.f1 <= cv.rule) return choice;
  report.push(`article aggregation: the article head (l2=${best.l2}), out of fold ${best.f1.toFixed(4)} against the rule's ${cv.rule.toFixed(4)}`);
  return { ...choice, head: trainDense(articleExamples(pairs, c, probs), best.l2) };
}

export function trainHeads(analyser: Analyser, articles: IndomainArticle[], sentences: IndomainSentence[], version: number): HeadTraining {
  const report: string[] = [];
  const c = collect(analyser, articles, sentences);
  report.push(`in-domain training pairs: ${c.author.length} used, ${c.missing} without an analysed mention; voices ${c.voice.length}`);
  const best = authorEnsemble(c.author, FOLDS, report);
  const packed = packWeights(best.weights);
  const voiceL2 = bestL2(c.voice, report, 'voice');
  const voice = trainDense(c.voice, voiceL2);
  // A voice is recorded where a source evaluates the actor: when the training set holds no neutral voice, the head
  // decides between negative and positive only (the neutral row's bias is pushed down).
  if (!c.voice.some((e) => e.y === 1)) voice[VOICE_FEATURES] = -10;
  const { blend, neutralMargin, probs } = chooseBlend(c, best.scores, report);
  // The article head reads the sentences' author views alone (aggregate.ts): it is chosen on those.
  const context = chooseContext(c.author, c.byArticleActor, probs, FOLDS, report);
  const aggregate = chooseAggregate(articles, c, probs, report);
  return {
    head: {
      format: 'stancewatch-author-lr',
      version,
      bits: AUTHOR_BITS,
      ...packed,
      voice,
      blend,
      neutralMargin,
      aggregate,
      ...(context.weights ? { context: context.weights } : {}),
      training: {
        data: 'datasets/indomain-train (sentences.jsonl, articles.jsonl)',
        pairs: c.author.length,
        voices: c.voice.length,
        articles: articles.length,
        options: best.options,
        voiceL2,
        folds: FOLDS,
        report,
      },
    },
    report,
  };
}
