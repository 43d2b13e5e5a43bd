// Unjust accusation in the author's own voice: verbs ("the West keeps smearing China"), nouns of falsehood
// ("disinformation about China") and charges the author dismisses ("baseless accusations against China",
// "supposed Russian interference"): who is wronged, who accuses (guideline rules 1 and 5). Used by
// attribution.ts for the author view's terms. Pure.
import type { ScoredTerm } from './lexicon.js';
import type { Token } from './text.js';
import { isQuote } from './voice-tokens.js';

/** What the accusation and patient rules read of a sentence: its tokens and the clause of each. */
export interface ClauseShape {
  tokens: Token[];
  clause: Int32Array;
}

/** The target (group 0, with the mentions coordinated with it) and its rivals, indexed by token (attribution.ts builds them). */
export interface Groups {
  tokens: number[][];
  /** Group of every token, -1 for none. */
  at: Int16Array;
}

const at = (s: ClauseShape, i: number): string => s.tokens[i]?.text ?? '';

export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/** The author view's word classes of unjust accusation (config/lexicon/author.yaml). */
export interface AccusationWords {
  /** Verbs (smear, slander, demonize): their object is wronged. */
  accusations: ReadonlySet<string>;
  /** Nouns that call a claim false by themselves (disinformation, fabrications, rumours). */
  falsehoods: ReadonlySet<string>;
  /** Words by which the author calls the charge that follows false (baseless, bogus, so-called, supposed). */
  dismissals: ReadonlySet<string>;
  /** Nouns of a charge that a dismissal can call false (accusations, claims, allegations, narrative). */
  charges: ReadonlySet<string>;
}

/** Prepositions that name what a claim is about ("lies about X", "accusations against X", "charges of X's ..."). */
const ABOUT = new Set(['about', 'against', 'on', 'of', 'over', 'regarding', 'concerning', 'targeting', 'toward', 'towards']);
/** Prepositions that name the doer of a dismissed wrong ("so-called threats from the mainland", "by X"). */
const DOER = new Set(['of', 'from', 'by']);

/** The nearest group before token `i` in its clause, or -1. */
export function groupBefore(s: ClauseShape, i: number, g: Groups): number {
  const c = s.clause[i];
  for (let j = i - 1; j >= 0 && s.clause[j] === c; j--) if ((g.at[j] as number) >= 0) return g.at[j] as number;
  return -1;
}

/** The first mention up to four words after `from` (a possessive's apostrophe is no break), or -1. */
function mentionAfter(s: ClauseShape, from: number, g: Groups): number {
  for (let i = from; i < s.tokens.length && i < from + 4; i++) {
    if (s.tokens[i]?.punct && at(s, i) !== "'") return -1;
    if ((g.at[i] as number) >= 0) return g.at[i] as number;
  }
  return -1;
}

/**
 * The group a verb of unjust accusation is done to: the first mention up to four words after it, in its phrase
 * ("smearing China", "to defame China's policy", "slander against China"), or, passive ("China has been smeared";
 * "is smearing" is not), the nearest mention before it in its clause; -1 for none.
 */
function wrongedGroup(s: ClauseShape, term: ScoredTerm, g: Groups, words: AccusationWords): number {
  // A noun of falsehood names what it is about after a preposition ("disinformation about China"); "by"/"from"
  // name its author, and "lies with" is no noun.
  if (words.falsehoods.has(term.term)) return ABOUT.has(at(s, term.last + 1)) && at(s, term.last + 1) !== 'of' ? mentionAfter(s, term.last + 2, g) : -1;
  if (term.term.endsWith('ed') && BE_FORMS.has(at(s, term.first - 1))) return groupBefore(s, term.first - 1, g);
  return mentionAfter(s, term.last + 1, g);
}

/**
 * Share of a verb of unjust accusation ("smear", "slander", "demonize", "discredit"): its object is wronged, so
 * the author who uses the verb in its own voice defends it (guideline rules 1 and 5): -1, the term reversed as a
 * bound term. The one who does it is blamed: full share for a target before the verb in its clause. Undefined
 * when the verb has no object among the mentions (the usual attribution applies).
 */
export function accusationShare(s: ClauseShape, term: ScoredTerm, g: Groups, words: AccusationWords, terms: readonly ScoredTerm[]): number | undefined {
  if (words.accusations.has(term.term) || words.falsehoods.has(term.term)) return shareFor(s, wrongedGroup(s, term, g, words), term.first, g);
  return dismissedShare(s, term, g, words, terms);
}

/** -1 for the wronged target, 1 for a target before `from` in its clause (the accuser), else 0; undefined for no one wronged. */
function shareFor(s: ClauseShape, wronged: number, from: number, g: Groups): number | undefined {
  if (wronged < 0) return undefined;
  if (wronged === 0) return -1;
  const c = s.clause[from];
  for (const i of g.tokens[0] as number[]) if (i < from && s.clause[i] === c) return 1;
  return 0;
}

/** Is token i a word of the phrase between a dismissal and its charge (no punctuation but quote marks)? */
const inPhrase = (s: ClauseShape, i: number): boolean => !s.tokens[i]?.punct || isQuote(s.tokens[i]);

/**
 * The charge a dismissal word at `d` calls false: the first charge noun, noun of falsehood or negative term
 * up to four words after it in its phrase ("baseless accusations", "so-called \"threats\"", "supposed Russian
 * interference"), as [first, last] token, or undefined.
 */
function chargeAfter(s: ClauseShape, d: number, g: Groups, words: AccusationWords, terms: readonly ScoredTerm[]): [number, number] | undefined {
  for (let i = d + 1; i < s.tokens.length && i <= d + 4 && inPhrase(s, i); i++) {
    const w = at(s, i);
    if (words.charges.has(w) || words.falsehoods.has(w)) return [i, i];
    if ((g.at[i] as number) >= 0 || isQuote(s.tokens[i])) continue;
    for (const t of terms) if (t.first === i && t.weight < 0 && !words.dismissals.has(t.term)) return [t.first, t.last];
  }
  return undefined;
}

/**
 * Share of a term in a charge the author dismisses: the dismissal word itself, the charge it calls false, or a
 * negative word of what the charge says ("baseless accusations against China", "baseless claims of Russian
 * aggression", "the supposed Russian interference", "so-called threats from the mainland"). The one charged is
 * wronged, so defended (-1): a mention inside the phrase, else one after the charge (a claim is about what follows
 * "against", "about", "of", ...; a wrong is done "of", "from" or "by" its doer). The one who makes the charge
 * before it in its clause is blamed. Undefined when nothing is dismissed.
 */
function dismissedShare(s: ClauseShape, term: ScoredTerm, g: Groups, words: AccusationWords, terms: readonly ScoredTerm[]): number | undefined {
  let d = -1;
  const predicative = predicativeDismissal(s, term, words);
  if (predicative) return predicativeShare(s, predicative, term, g);
  if (words.dismissals.has(at(s, term.first))) d = term.first; // also a phrase term ("false narrative")
  else if (term.weight < 0 || words.charges.has(term.term)) {
    for (let i = term.first - 1; i >= 0 && i >= term.first - 9 && inPhrase(s, i); i--) if (words.dismissals.has(at(s, i))) { d = i; break; }
  }
  if (d < 0) return term.weight < 0 ? scareQuotedCharge(s, term, g) : undefined;
  const charge = chargeAfter(s, d, g, words, terms);
  if (!charge) return undefined;
  let after = charge[1] + 1;
  while (isQuote(s.tokens[after])) after++;
  const claim = words.charges.has(at(s, charge[0])) || words.falsehoods.has(at(s, charge[0]));
  // A claim says what follows "that" ("a false narrative that portrays China as aggressive").
  const clause = claim && at(s, after) === 'that';
  const about = claim ? ABOUT.has(at(s, after)) || clause : DOER.has(at(s, after));
  // A word of what a dismissed claim says, in its complement: "claims of Russian aggression", "a false narrative
  // that portrays China as aggressive".
  const content = claim && about && term.first > after && term.first <= after + (clause ? 8 : 5);
  if (d !== term.first && charge[0] !== term.first && !content) return undefined;
  let wronged = -1;
  for (let i = d + 1; i < charge[0] && wronged < 0; i++) wronged = g.at[i] as number;
  if (wronged < 0 && about) wronged = mentionAfter(s, after + 1, g);
  return shareFor(s, wronged, d, g);
}

/** Participles that put a charge's maker after it ("the accusations made by X against Y"). */
const MADE = new Set(['made', 'levelled', 'leveled', 'raised']);
/** Degree adverbs between "be" and a dismissal ("are completely baseless"). */
const DEGREE = new Set(['completely', 'totally', 'entirely', 'utterly', 'simply', 'absolutely', 'clearly', 'patently', 'wholly', 'just', 'also', 'equally', 'purely']);
/** Words before a charge noun that make it a noun phrase's head ("the claim", "Moscow's accusations"). */
const NOUN_OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'such', 'its', 'their', 'his', 'her', 'any', 'all', 'repeated', 'latest', 'recent', 'new']);
/** Auxiliaries that show a "that" complement has its own verb ("the claim that NATO is preparing ..."). */
const AUX = new Set([...BE_FORMS, 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'did', 'does', 'do']);

/** A predicative dismissal: the charge noun, the "be" after its complement, and the dismissal word. */
interface Predicative {
  charge: number;
  be: number;
  dismissal: number;
}

/** The dismissal at `d` after "be" (and degree adverbs): the index of "be", or -1. */
function beBefore(s: ClauseShape, d: number, words: AccusationWords): number {
  let j = d - 1;
  while (j >= 0 && DEGREE.has(at(s, j))) j--;
  // "are groundless and purely fabricated": the second of two joined dismissals.
  if ((at(s, j) === 'and' || at(s, j) === 'or') && words.dismissals.has(at(s, j - 1))) return beBefore(s, j - 1, words);
  return BE_FORMS.has(at(s, j)) ? j : -1;
}

/**
 * "The accusations against China are baseless", "Moscow's claim that NATO is preparing an attack is false": a
 * dismissal after "be" whose subject is a charge noun (a noun: after an article, a determiner or a possessive) with
 * its complement ("against/about/of X", or a "that" clause with a verb of its own: in "the claim that NATO's
 * expansion is absurd" the dismissal is the claim's own word). `term` is the dismissal or a word of the complement.
 */
function predicativeDismissal(s: ClauseShape, term: ScoredTerm, words: AccusationWords): Predicative | undefined {
  let dismissal = -1;
  if (words.dismissals.has(at(s, term.first))) dismissal = term.first;
  else if (term.weight < 0) {
    for (let i = term.last + 1; i < s.tokens.length && i <= term.last + 12 && dismissal < 0; i++) {
      if (s.tokens[i]?.punct && !isQuote(s.tokens[i])) return undefined;
      if (words.dismissals.has(at(s, i)) && beBefore(s, i, words) > term.last) dismissal = i;
    }
  }
  if (dismissal < 0) return undefined;
  const be = beBefore(s, dismissal, words);
  if (be < 1) return undefined;
  for (let c = be - 1; c >= 0 && c >= be - 16; c--) {
    const w = at(s, c);
    if (s.tokens[c]?.punct && !isQuote(s.tokens[c]) && w !== "'") return undefined;
    if (!words.charges.has(w) && !words.falsehoods.has(w)) continue;
    const before = at(s, c - 1);
    if (c > 0 && !NOUN_OPENERS.has(before) && !before.endsWith("'s") && !before.endsWith('s\'') && !words.dismissals.has(before)) return undefined;
    const next = at(s, c + 1);
    if (next === 'that') {
      let verb = false;
      for (let i = c + 2; i < be; i++) if (AUX.has(at(s, i)) || at(s, i).endsWith('ed')) verb = true;
      if (!verb) return undefined;
    } else if (!ABOUT.has(next) && !MADE.has(next)) return undefined;
    return term.first === dismissal || term.first > c ? { charge: c, be, dismissal } : undefined;
  }
  return undefined;
}

/**
 * Share of the dismissal or of a word of the dismissed charge's complement: the one the charge is about (a
 * mention between the charge and "be") is wronged; the one who makes it, before the charge in its clause, is
 * blamed (see `shareFor`).
 */
function predicativeShare(s: ClauseShape, p: Predicative, term: ScoredTerm, g: Groups): number | undefined {
  // "The accusations made by the Philippine side against the Chinese side": the by-phrase names who accuses.
  let about = p.charge + 1;
  let accuser = false;
  if (MADE.has(at(s, about))) {
    while (about < p.be && !ABOUT.has(at(s, about)) && at(s, about) !== 'that') {
      if (g.at[about] === 0) accuser = true;
      about++;
    }
  }
  let wronged = -1;
  for (let i = about + 1; i < p.be && wronged < 0; i++) wronged = g.at[i] as number;
  if (wronged < 0) return term.first === p.dismissal ? undefined : 0;
  if (accuser && wronged !== 0) return 1;
  return shareFor(s, wronged, p.charge, g);
}

/**
 * A charge the author puts in scare quotes with the one it charges ("under the guise of addressing the \"China
 * challenge\"", "the \"Russian threat\" narrative"): a short quotation, words only, holding the negative term and
 * a mention. The author distances itself from the label: the one named in it is defended, as with "so-called".
 */
function scareQuotedCharge(s: ClauseShape, term: ScoredTerm, g: Groups): number | undefined {
  let open = -1;
  for (let i = term.first - 1; i >= 0 && i >= term.first - 3; i--) {
    if (at(s, i) === '"') {
      open = i;
      break;
    }
    if (s.tokens[i]?.punct) return undefined;
  }
  if (open < 0) return undefined;
  let close = -1;
  for (let i = term.last + 1; i < s.tokens.length && i <= term.last + 3; i++) {
    if (at(s, i) === '"') {
      close = i;
      break;
    }
    // American style puts the sentence's comma or period inside: "the \"China challenge.\""
    if (s.tokens[i]?.punct && !(at(s, i + 1) === '"' && (at(s, i) === '.' || at(s, i) === ','))) return undefined;
  }
  if (close < 0 || close - open > 6) return undefined;
  let wronged = -1;
  for (let i = open + 1; i < close && wronged < 0; i++) wronged = g.at[i] as number;
  return shareFor(s, wronged, open, g);
}
