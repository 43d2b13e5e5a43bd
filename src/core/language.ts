// Language identification and which sentences the (English) analyser reads. Pure: the detectors' n-gram tables
// are JavaScript modules loaded with the code.
import { eld } from 'eld/extrasmall';
import { franc } from 'franc-min';

/**
 * eld's cost grows with its sample (about 0.2 us a character; it reads at most the words of the first ~350
 * bytes). It first reads this many characters: English there is taken (nearly every English article; asking
 * eld whether the answer is reliable would cost as much again); anything else is decided on `SAMPLE_CHARS`. On
 * the NewsMTSC feed-sized items and sentences and the outlet feeds this tells the same as one 200- or
 * 400-character sample but for one German item with an English headline, in about half the time of the 200.
 */
const QUICK_CHARS = 100;
const SAMPLE_CHARS = 300;
/** Fewer words than this is a short text (a headline, a caption): the detectors often cannot tell. */
const SHORT_WORDS = 12;
/** A short text is tried as English when eld ranks English among its first this many guesses. */
const ENGLISH_RANK = 3;

/** What the text is and whether the English analyser may read it. */
export interface Identified {
  /** ISO 639-1 code, or 'und' when undetermined. */
  language: string;
  /** English, or a short undetermined Latin-script text that looks English (eld ranks English near the top). */
  englishLike: boolean;
}

/** eld has Malay but no Indonesian: franc (restricted to the two) tells them apart. */
function malayOrIndonesian(sample: string): string {
  return franc(sample, { only: ['ind', 'zlm'], minLength: 10 }) === 'ind' ? 'id' : 'ms';
}

/** Words (letter runs, ASCII apostrophes and hyphens inside) of `text`, counted up to `SHORT_WORDS`. */
function isShort(text: string): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9;
    if (!space && !inWord) {
      words++;
      if (words >= SHORT_WORDS) return false;
    }
    inWord = !space;
  }
  return true;
}

/**
 * The language of `text` by eld (60 languages), and whether it is English enough to analyse. A reliable
 * non-English answer, or any non-English answer on a text of 12 words or more, is that language; a short text
 * that eld is unsure of, or calls another language while still ranking English among its first three guesses,
 * is 'und' and tried as English ("Rubio: Immigration reports premature" comes out French, English second).
 */
export function identifyLanguage(text: string): Identified {
  const quick = eld.detect(text.length > QUICK_CHARS ? text.slice(0, QUICK_CHARS) : text);
  if (quick.language === 'en') return { language: 'en', englishLike: true };
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const result = text.length > QUICK_CHARS ? eld.detect(sample) : quick;
  const language = result.language === 'ms' ? malayOrIndonesian(sample) : result.language;
  if (language === 'en') return { language, englishLike: true };
  if (language === '') return { language: 'und', englishLike: false };
  if (!isShort(sample)) return { language: result.isReliable() ? language : 'und', englishLike: false };
  const rank = Object.keys(result.getScores()).indexOf('en');
  const englishLike = rank >= 0 && rank < ENGLISH_RANK;
  return englishLike || !result.isReliable() ? { language: 'und', englishLike } : { language, englishLike };
}

/** ISO 639-1 code of the text's language, or 'und' when there is too little to tell. */
export function detectLanguage(text: string): string {
  return identifyLanguage(text).language;
}

/** Latin letters (ASCII, Latin-1, Latin Extended A/B and Additional, fullwidth) count as Latin script. */
function isLatinLetter(c: number): boolean {
  if (c < 0x80) return (c | 32) >= 97 && (c | 32) <= 122;
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) ||
    (c >= 0x2c60 && c <= 0x2c7f) || (c >= 0xa720 && c <= 0xa7ff) || (c >= 0xff21 && c <= 0xff5a && (c <= 0xff3a || c >= 0xff41));
}

/** Letters of other scripts: everything non-ASCII outside Latin, general punctuation, symbols and emoji blocks. */
function isOtherLetter(c: number): boolean {
  if (c < 0x2b0 || isLatinLetter(c)) return false;
  return !((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff) ||
    (c >= 0xfe00 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xff20) || c >= 0xfff0);
}

/** Latin minus other-script letters of a sentence: positive when the sentence is in Latin script. */
function latinBalance(sentence: string): { latin: number; other: number } {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (isLatinLetter(c)) latin++;
    else if (isOtherLetter(c)) other++;
  }
  return { latin, other };
}

/** The language of an article and the sentences to analyse as English. */
export interface LanguageRoute {
  language: string;
  /** Sentences for the English analyser, in order; none when the article is not (partly) English. */
  english: string[];
}

/**
 * Routes the sentences of normalised `text`. ASCII text is identified as a whole. Otherwise each sentence is
 * Latin script or not by its letters; the Latin sentences are identified together and analysed when they are
 * English (an Arabic sentence quoted in an English article is skipped, the rest analysed). The article's
 * language is that of its Latin sentences when they hold most of its letters, else that of the others. When
 * most letters are not Latin, the Latin sentences are analysed only when eld itself says English, not on the
 * short-text guess.
 */
export function routeLanguage(text: string, sentences: string[]): LanguageRoute {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(text)) {
    const id = identifyLanguage(text);
    return { language: id.language, english: id.englishLike ? sentences : [] };
  }
  const latinSentences: string[] = [];
  const otherSentences: string[] = [];
  let latin = 0;
  let other = 0;
  for (const sentence of sentences) {
    const balance = latinBalance(sentence);
    latin += balance.latin;
    other += balance.other;
    (balance.latin >= balance.other ? latinSentences : otherSentences).push(sentence);
  }
  if (latin === 0) return { language: detectLanguage(text), english: [] };
  const latinText = otherSentences.length === 0 ? text : latinSentences.join('\n');
  const id = identifyLanguage(latinText);
  if (latin >= other) return { language: id.language, english: id.englishLike ? latinSentences : [] };
  return { language: detectLanguage(otherSentences.join('\n')), english: id.language === 'en' ? latinSentences : [] };
}
