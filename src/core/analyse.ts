// analyseArticle: language, tone, actor mentions, per-actor stance with evidence, framing counts. Pure.
import { createRegistry, type ActorRegistry } from './actors.js';
import { aggregateStances, aggregateVoices, type AggregateOptions } from './aggregate.js';
import { authorInContext } from './author-context.js';
import { loadAuthorHead, type AuthorHeadData } from './author-head.js';
import { compileAuthorLexicon, type AuthorLexiconData } from './author.js';
import { routeLanguage } from './language.js';
import { compileLexicon, scoreTokens, type Lexicon, type LexiconData } from './lexicon.js';
import { loadModel, type StanceModel, type StanceModelData } from './model.js';
import { sentenceStances, type AuthorView, type SentenceStance } from './stance.js';
import { datelineEnd, headlineAndBody, splitSentences, tokenize } from './text.js';
import { createToneScorer, emptyToneText, type ToneScorer } from './tone.js';
import type { ActorDef, ArticleAnalysis, DocSentiment } from './types.js';
import { newVoiceContext, sentenceVoices } from './voice.js';
import { speakerSides, type SpeakerSides } from './voice-sides.js';
import { meaningLogitsOf } from './author-vector.js';
import { compileWordVectors, type WordVectorsData } from './word-vectors.js';

/** Everything the analyser needs, as plain data (see src/resources.ts). */
export interface AnalyserResources {
  actors: ActorDef[];
  lexicon: LexiconData;
  model: StanceModelData;
  /** Author view: its lexicon (config/lexicon/author.yaml), head (models/author.json) and word vectors (models/word-vectors.*). */
  author: { lexicon: AuthorLexiconData; head: AuthorHeadData; vectors?: WordVectorsData };
  aggregate?: AggregateOptions;
}

export interface Analyser {
  analyse(input: { title?: string; text: string }): ArticleAnalysis;
  /**
   * The sentence-level stances `analyse` aggregates (none for a language not analysed). `named`: actors the text's
   * article named before it (a sentence read out of its article, as training does), whose anaphors count at once.
   */
  stances(input: { title?: string; text: string; named?: readonly string[] }): SentenceStance[];
  /** `analyse` and `stances` of one input from one pass. */
  analyseWithStances(input: { title?: string; text: string }): { analysis: ArticleAnalysis; stances: SentenceStance[] };
  registry: ActorRegistry;
  /** Same lexicon and model with more actors (server-defined); a same-named actor replaces the built-in. */
  withActors(extra: ActorDef[]): Analyser;
}

const EMPTY_TONE: DocSentiment = { score: 0, comparative: 0, positivePct: 0, negativePct: 0, polarity: 0, tone: 0, wordCount: 0 };

interface Engine {
  lexicon: Lexicon;
  model: StanceModel;
  tone: ToneScorer;
  author: AuthorView;
  aggregate: AggregateOptions;
}

interface Collected {
  language: string;
  stances: SentenceStance[];
  framing: Record<string, number>;
  sentiment: DocSentiment;
}

const withoutDateline = (sentence: string): string => sentence.slice(datelineEnd(sentence));

/**
 * The English sentences (see `routeLanguage`: English text, the English part of mixed text, a short text that
 * looks English) are analysed; sentences with an actor mention go through the stance model, the others only
 * through the lexicon. Any other text comes back as its language, not analysed.
 */
function collect(engine: Engine, registry: ActorRegistry, sides: SpeakerSides, input: { title?: string; text: string; named?: readonly string[] }): Collected | string {
  const text = headlineAndBody(input.title, input.text);
  const sentences = splitSentences(text);
  const { language, english } = routeLanguage(text, sentences);
  if (english.length === 0) return language;
  const stances: SentenceStance[] = [];
  const framing: Record<string, number> = {};
  const tone = emptyToneText();
  const place = { context: newVoiceContext(sides), headline: (input.title ?? '').trim() !== '' && english[0] === sentences[0] };
  // Actors the article has named so far: their anaphors ("the North", "the Russian president") count from then on.
  const named = new Set<string>(input.named);
  for (let k = 0; k < english.length; k++) {
    // A wire dateline ("BEIJING, May 15 (Xinhua) --") is read past: its place is no actor, its agency no speaker.
    const sentence = withoutDateline(english[k] as string);
    const tokens = tokenize(sentence);
    const mentions = registry.findMentions(sentence, named);
    for (const m of mentions) named.add(m.actor);
    const result = mentions.length > 0 ? sentenceStances(sentence, tokens, mentions, engine.lexicon, engine.model, engine.author, place) : undefined;
    // A sentence without actors can still name a speaker or open a quotation that the next sentence goes on with
    // (the pass only updates the voice context, which the last sentence leaves to no one).
    if (!result && k + 1 < english.length) sentenceVoices(sentence, tokens, [], place.context);
    place.headline = false;
    const terms = result?.terms ?? scoreTokens(tokens, engine.lexicon);
    if (result) for (const s of result.stances) stances.push(s);
    for (const t of terms) if (t.framing) framing[t.term] = (framing[t.term] ?? 0) + 1;
    engine.tone.add(tokens, terms, tone);
  }
  // The author view of each sentence, read in the light of the article's other sentences on the same actor.
  const context = engine.author.head.context;
  if (context) authorInContext(stances, context);
  return { language, stances, framing, sentiment: engine.tone.score(tone) };
}

function analysisOf(engine: Engine, c: Collected | string): ArticleAnalysis {
  if (typeof c === 'string') return { language: c, analysed: false, sentiment: EMPTY_TONE, actors: [], voices: [], framing: {} };
  return {
    language: c.language, analysed: true, sentiment: c.sentiment, actors: aggregateStances(c.stances, engine.aggregate),
    voices: aggregateVoices(c.stances, engine.aggregate), framing: c.framing,
  };
}

const stancesOf = (c: Collected | string): SentenceStance[] => (typeof c === 'string' ? [] : c.stances);

function build(engine: Engine, actors: ActorDef[]): Analyser {
  const registry = createRegistry(actors);
  const sides = speakerSides(actors);
  return {
    registry,
    analyse: (input) => analysisOf(engine, collect(engine, registry, sides, input)),
    stances: (input) => stancesOf(collect(engine, registry, sides, input)),
    analyseWithStances: (input) => {
      const c = collect(engine, registry, sides, input);
      return { analysis: analysisOf(engine, c), stances: stancesOf(c) };
    },
    withActors: (extra) => {
      const names = new Set(extra.map((a) => a.name));
      return build(engine, [...actors.filter((a) => !names.has(a.name)), ...extra]);
    },
  };
}

/** `keepAuthorFeatures`: every stance keeps its author-model features (training the author model). */
export function createAnalyser(resources: AnalyserResources, options: { keepAuthorFeatures?: boolean } = {}): Analyser {
  const lexicon = compileLexicon(resources.lexicon);
  const head = loadAuthorHead(resources.author.head);
  const keepFeatures = options.keepAuthorFeatures === true;
  const vectors = resources.author.vectors ? compileWordVectors(resources.author.vectors) : undefined;
  // Training reads the clause-meaning features; analysis adds their logits word by word (author-vector.ts).
  const meaning = vectors && (keepFeatures ? { vectors } : { meaning: meaningLogitsOf(head.weights, vectors) });
  const engine: Engine = {
    lexicon,
    model: loadModel(resources.model),
    tone: createToneScorer(lexicon),
    author: { lexicon: compileAuthorLexicon(resources.author.lexicon), head, ...meaning, keepFeatures },
    aggregate: resources.aggregate ?? { ...resources.author.head.aggregate, maxEvidence: 3 },
  };
  return build(engine, resources.actors);
}
