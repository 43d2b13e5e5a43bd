// Language identification and which sentences the (English) analyser reads. Pure: franc-min's trigram tables
// are a JavaScript module loaded with the code (about 8 MB; eld, tried first, cost 83 MB in every thread that
// loads the analyser and pushed the poller past its memory budget).
import { francAll } from 'franc-min';
import { rankAsciiLatin } from './language-trigrams.js';

/** franc reads at most this many characters (its cost grows with the sample: ~1 us a character). */
const SAMPLE_CHARS = 300;
/** franc's shortest sample: shorter is undetermined. */
const MIN_LENGTH = 3;
/** Fewer words than this is a short text (a headline, a caption): the detector often cannot tell. */
const SHORT_WORDS = 12;
/** A short text is tried as English when franc ranks English among its first this many guesses. */
const ENGLISH_RANK = 3;
/** A guess is taken when it leads the second by this much (franc's scores are relative, the best is 1). */
const MARGIN = 0.005;
/** English within this of franc's first guess on a longer text is taken. */
const CLOSE_ENGLISH = 0.05;

/** ISO 639-3 codes of franc-min to ISO 639-1; a language without a two-letter code keeps its three letters. */
const ISO1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it', tur: 'tr',
  pol: 'pl', swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', ckb: 'ku',
  yor: 'yo', uzn: 'uz', zlm: 'ms', ibo: 'ig', ceb: 'ceb', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn',
  plt: 'mg', nya: 'ny', kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru', ukr: 'uk', bel: 'be',
  bul: 'bg', kaz: 'kk', arb: 'ar', urd: 'ur', pes: 'fa', pbu: 'ps', hin: 'hi', mar: 'mr', mai: 'mai', npi: 'ne',
  cmn: 'zh', jpn: 'ja', kor: 'ko', ell: 'el', heb: 'he', tha: 'th', ben: 'bn', tam: 'ta', tel: 'te', kat: 'ka',
  hye: 'hy', amh: 'am', guj: 'gu', kan: 'kn', mal: 'ml', pan: 'pa', sin: 'si', mya: 'my', khm: 'km', ori: 'or',
};

/**
 * Clearly English, decided without the detector (speed: nearly every article the poller sees is English, and
 * franc costs ~1 us a character): three or more English function words that no other language of the corpus
 * writes the same way, one word in twenty or more. Anything else goes to franc.
 */
const ENGLISH_ONLY = new Set('the and of that with this from which were have has been would their they said its'.split(' '));

/** With ENGLISH_ONLY, words that headlines use and few other languages write alike. */
const SHORT_ENGLISH = new Set([...ENGLISH_ONLY, ...'where it is are was will not but for by must should who what why how into says over after'.split(' ')]);
/** A short text franc names with a lead smaller than this is not a sure answer. */
const SHORT_MARGIN = 0.1;

const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** Longest word of the English word lists: a longer run is never looked up. */
const LONGEST = Math.max(...[...SHORT_ENGLISH].map((w) => w.length));

/**
 * Runs of ASCII letters (/[A-Za-z]+/g) of `sample`, and how many of them are in `words` (lower-cased). Scanned by
 * hand: a match array per word cost more than the rest of the fast path (feed items: ~6 % of their analysis).
 */
function countWords(sample: string, words: Set<string>): { words: number; found: number } {
  let count = 0;
  let found = 0;
  let i = 0;
  while (i < sample.length) {
    if (!isAsciiLetter(sample.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < sample.length && isAsciiLetter(sample.charCodeAt(end))) end++;
    count++;
    if (end - i <= LONGEST && words.has(sample.slice(i, end).toLowerCase())) found++;
    i = end;
  }
  return { words: count, found };
}

const englishWords = (sample: string, words: Set<string> = ENGLISH_ONLY): number => countWords(sample, words).found;

function clearlyEnglish(sample: string): boolean {
  const { words, found } = countWords(sample, ENGLISH_ONLY);
  return found >= 3 && found * 20 >= words;
}

/** What the text is and whether the English analyser may read it. */
export interface Identified {
  /** ISO 639-1 code (three letters where there is none), or 'und' when undetermined. */
  language: string;
  /** English, or a short undetermined Latin-script text that looks English (franc ranks English near the top). */
  englishLike: boolean;
}

const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
};

/** Words of `text`, counted up to `SHORT_WORDS`. */
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
 * The language of `text` and whether it is English enough to analyse. A long text is the language franc puts
 * first (undetermined when the first two are too close); a short one that franc is unsure of, or that it calls
 * another language while still ranking English among its first three guesses, is 'und' and tried as English
 * ("Rubio: Immigration reports premature").
 */
export function identifyLanguage(text: string): Identified {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (clearlyEnglish(sample)) return { language: 'en', englishLike: true };
  const ranked = rankAsciiLatin(sample, MIN_LENGTH) ?? francAll(sample, { minLength: MIN_LENGTH });
  const [first, second] = ranked;
  if (first === undefined || first[0] === 'und') return { language: 'und', englishLike: isShort(sample) && isAscii(sample) };
  const code = ISO1[first[0]] ?? first[0];
  if (code === 'en') return { language: 'en', englishLike: true };
  const sure = second === undefined || first[1] - second[1] >= MARGIN;
  if (!isShort(sample)) {
    // English close behind the first guess on a longer text (franc's trigrams mix up English with French or
    // Portuguese on names-heavy copy) is English.
    const close = ranked.slice(1, ENGLISH_RANK).some(([c, score]) => c === 'eng' && first[1] - score < CLOSE_ENGLISH);
    // A sentence without the commonest function words ("It is a refrain among US officials who seek to portray
    // China as ...": Spanish first, English third) is English when English ranks near the top and two words
    // that no other language of the corpus writes alike ("it", "is", "who") say so.
    const ranksEnglish = ranked.slice(1, ENGLISH_RANK).some(([c]) => c === 'eng');
    if (close || (ranksEnglish && englishWords(sample, SHORT_ENGLISH) >= 2)) return { language: 'en', englishLike: true };
    return { language: sure ? code : 'und', englishLike: false };
  }
  const rank = ranked.slice(0, ENGLISH_RANK).findIndex(([c]) => c === 'eng');
  // franc is weak on a few words: a short ASCII text with an English function word, or that franc is not sure
  // of, is tried as English.
  const englishLike = rank >= 0 || englishWords(sample, SHORT_ENGLISH) > 0 || (isAscii(sample) && (second === undefined || first[1] - second[1] < SHORT_MARGIN));
  return englishLike || !sure ? { language: 'und', englishLike } : { language: code, englishLike };
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
 * most letters are not Latin, the Latin sentences are analysed only when the detector itself says English, not on the
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
