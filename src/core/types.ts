// Shared data shapes that flow through the pipeline: feeds -> fetch -> parse -> analyse -> store -> digest -> discord.
// Pure types only: every layer may import this file.

export type StanceLabel = 'negative' | 'neutral' | 'positive';

export type ActorKind = 'country' | 'organization' | 'bloc' | 'person' | 'region' | 'other';

/** A named actor whose mentions are tracked. Built-ins come from config/actors.yaml; servers may add their own. */
export interface ActorDef {
  /** Canonical name, e.g. "United States". Unique within a registry. */
  name: string;
  kind: ActorKind;
  /** Surface forms that refer to the actor (case-insensitive unless all-caps acronym). */
  aliases: string[];
  /** Adjective / demonym forms ("Chinese", "American"). */
  demonyms?: string[];
  /** Capital or seat metonyms ("Beijing", "the Kremlin"). */
  metonyms?: string[];
  /** Forms that must NOT count as this actor ("South China Sea"). */
  exclude?: string[];
  /** Combining forms used only before a hyphen ("Sino" in "Sino-Russian"). */
  prefixes?: string[];
  /**
   * Forms that refer back to the actor once a text has named it ("the North" after "North Korea", "the Russian
   * president" after "Putin", "the mainland" in a cross-strait text): mentions only in a sentence after one that
   * named the actor by another form.
   */
  anaphors?: string[];
  /**
   * Leaders (past or present, not actors of their own) whose name before "administration", "government", "regime",
   * "cabinet" or "authorities" names the actor ("Obama": "the Obama administration" is the United States).
   */
  governments?: string[];
  /** Officials and spokespeople who speak for the actor ("Sergey Lavrov", "Lavrov"): a voice's speaker actor. */
  speakers?: string[];
  /** For a person actor: the actor it speaks for (Vladimir Putin: Russia). */
  speaksFor?: string;
}

/** GDELT-like document tone, computed with the lexicon engine. */
export interface DocSentiment {
  /** Sum of lexicon weights. */
  score: number;
  /** score / word count (AFINN "comparative"). */
  comparative: number;
  /** Percentage of words with positive weight. */
  positivePct: number;
  /** Percentage of words with negative weight. */
  negativePct: number;
  /** positivePct + negativePct: how emotionally charged the text is. */
  polarity: number;
  /** positivePct - negativePct, as GDELT's Tone field. */
  tone: number;
  wordCount: number;
}

export interface Evidence {
  sentence: string;
  /** Words or phrases that drove the score for this actor in this sentence. */
  terms: string[];
  /** Signed contribution of the sentence to the actor's stance, in [-1, 1]. */
  score: number;
}

export interface ActorStance {
  actor: string;
  label: StanceLabel;
  /** In [-1, 1]. */
  score: number;
  /** In [0, 1]. */
  confidence: number;
  mentions: number;
  evidence: Evidence[];
}

/** A source's stance toward an actor across the article: who is quoted about whom, and how. */
export interface VoiceStance {
  /** As written in the text ("Kremlin spokesman Dmitry Peskov"), or "unnamed". */
  speaker: string;
  /** The actor the speaker is or speaks for, when known ("Beijing said" -> China). */
  speakerActor?: string;
  /** The actor spoken about. */
  actor: string;
  label: StanceLabel;
  /** In [-1, 1]. */
  score: number;
  evidence: Array<{ sentence: string; terms: string[] }>;
}

export interface ArticleAnalysis {
  /** ISO 639-1 code, or 'und' when undetermined. */
  language: string;
  /** false when the language is not supported: no sentiment or stance was computed. */
  analysed: boolean;
  sentiment: DocSentiment;
  /** The author's own stance per actor (reported voices and plain events apart). */
  actors: ActorStance[];
  /** Reported voices: what quoted or cited sources say about each actor. */
  voices: VoiceStance[];
  /** Framing-lexicon terms found in the text with their counts (for "rising framing terms" in digests). */
  framing: Record<string, number>;
}

/** One normalised item of a parsed feed. */
export interface FeedItem {
  /** Stable id: guid, else canonical link without tracking parameters, else hash of title + date. */
  id: string;
  guid?: string;
  link?: string;
  title: string;
  /** Epoch milliseconds (UTC). */
  published?: number;
  author?: string;
  /** Summary / description, HTML stripped or not as the feed gave it. */
  summary?: string;
  /** Full content (content:encoded / atom content) when present. */
  content?: string;
  categories: string[];
}

export interface ParsedFeed {
  title: string;
  link?: string;
  description?: string;
  language?: string;
  /** RSS <ttl> in minutes, when given. */
  ttlMinutes?: number;
  items: FeedItem[];
  /** Non-fatal problems met while decoding/parsing (feedparser's "bozo"). */
  warnings: string[];
}
