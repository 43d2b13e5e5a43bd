// What story clustering compares: an article's content words (title counted twice), its capitalised names (people,
// places, organisations as written) and the actors the analysis found. Pure.
import { isStopword } from './story-stopwords.js';
import { normaliseText, splitSentences, tokenize, type Token } from './text.js';
import type { StoryDoc } from './story-types.js';

/** The three fields of an article's terms: content words, capitalised names, canonical actors. */
export const FIELDS = { words: 0, names: 1, actors: 2 } as const;
export const FIELD_COUNT = 3;

/** Raw term frequencies per field (index: FIELDS). */
export type StoryTerms = [Map<string, number>, Map<string, number>, Map<string, number>];

/**
 * Harman's S-stemmer (1991): plural endings only, so "sanctions" meets "sanction" without the conflations of a
 * full stemmer ("policy"/"police"). A possessive "'s" goes first.
 */
export function sStem(word: string): string {
  const w = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (w.length < 4) return w;
  if (w.endsWith('ies') && !w.endsWith('eies') && !w.endsWith('aies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('es') && !w.endsWith('aes') && !w.endsWith('ees') && !w.endsWith('oes')) return w.slice(0, -1);
  if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('ss') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

const HAS_LETTER = /\p{L}/u;
const ALL_DIGITS = /^\d+$/;

/** A lower-cased word token worth comparing: not a stop word; three letters or more, or a number of two digits. */
export function isContentWord(word: string): boolean {
  if (isStopword(word)) return false;
  if (ALL_DIGITS.test(word)) return word.length >= 2;
  return word.length >= 3 && HAS_LETTER.test(word);
}

/** The lower-cased words of an outlet's name ("Reuters", "TASS"): its datelines and bylines are not content. */
export function outletWords(outlet: string): Set<string> {
  return new Set(outlet.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0));
}

const UPPER = /^\p{Lu}/u;
const isCapitalised = (sentence: string, t: Token): boolean => !t.punct && UPPER.test(sentence.charAt(t.start));

/** A headline in Title Case: three quarters of its longer words capitalised, so capitals say nothing about names. */
function isTitleCase(sentence: string, tokens: Token[]): boolean {
  const long = tokens.filter((t) => !t.punct && t.text.length >= 4 && !isStopword(t.text));
  return long.length >= 3 && long.filter((t) => isCapitalised(sentence, t)).length / long.length >= 0.75;
}

const bump = (map: Map<string, number>, key: string, by: number): void => void map.set(key, (map.get(key) ?? 0) + by);

/**
 * Capitalised names of one sentence: each capitalised word that is not a stop word, and each run of two or more
 * adjacent ones as a phrase ("pekka haavisto"), so a surname alone still meets the full name.
 */
function addNames(sentence: string, tokens: Token[], skip: Set<string>, names: Map<string, number>): void {
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) bump(names, run.join(' '), 1);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const adjacent = i > 0 && (tokens[i - 1] as Token).end + 1 >= t.start && !(tokens[i - 1] as Token).punct;
    if (!adjacent) flush();
    if (!isCapitalised(sentence, t)) {
      flush();
      continue;
    }
    const word = sStem(t.text);
    if (isStopword(t.text) || skip.has(word) || skip.has(t.text) || word.length < 2) {
      flush();
      continue;
    }
    bump(names, word, 1);
    run.push(word);
  }
  flush();
}

function addText(text: string, weight: number, skip: Set<string>, terms: StoryTerms, headline: boolean): void {
  for (const sentence of splitSentences(normaliseText(text))) {
    const tokens = tokenize(sentence);
    for (const t of tokens) {
      if (t.punct || !isContentWord(t.text)) continue;
      const word = sStem(t.text);
      if (!skip.has(word) && !skip.has(t.text)) bump(terms[FIELDS.words], word, weight);
    }
    // Only a headline may be in Title Case; a lead sentence full of names is still prose.
    if (!headline || !isTitleCase(sentence, tokens)) addNames(sentence, tokens, skip, terms[FIELDS.names]);
  }
}

/** The terms of one article: title words count twice, lead words once; names from both; actors once each. */
export function storyTerms(doc: Pick<StoryDoc, 'outlet' | 'title' | 'lead' | 'actors'>): StoryTerms {
  const terms: StoryTerms = [new Map(), new Map(), new Map()];
  const skip = outletWords(doc.outlet);
  addText(doc.title, 2, skip, terms, true);
  addText(doc.lead, 1, skip, terms, false);
  for (const actor of doc.actors) terms[FIELDS.actors].set(actor, 1);
  return terms;
}

/** The opening of an article body: its first `sentences` sentences, at most `maxChars` characters. */
export function leadOf(text: string, sentences = 3, maxChars = 800): string {
  const lead = splitSentences(normaliseText(text)).slice(0, sentences).join(' ');
  return lead.length <= maxChars ? lead : lead.slice(0, maxChars);
}
