// Attribution of lexicon terms to the mention they are about, in one prepared sentence. Pure.
import { accusationShare, type AccusationWords, type Groups } from './accusation.js';
import { appositiveOwner, possessive } from './apposition.js';
import { patientShare, prepositionalPatient } from './patient.js';
import { AttributedTerm } from './attributed-term.js';
import type { ScoredTerm } from './lexicon.js';
import type { Token } from './text.js';

/** What attribution needs to know about a sentence. */
export interface SentenceShape {
  tokens: Token[];
  /** Clause number of every token. */
  clause: Int32Array;
  /** 1 for tokens inside a quote. */
  inQuote: Uint8Array;
}

export interface Attribution {
  /** Terms that belong to the target, with their (distance-weighted, possibly flipped) contributions. */
  terms: Array<ScoredTerm & { share: number }>;
  positive: number;
  negative: number;
  /** Number of terms of the target's own clause or phrase (full share). */
  own: number;
  /** Mass of those terms: positive, negative (both >= 0). */
  ownPositive: number;
  ownNegative: number;
  /**
   * Mass of the terms bound to the target as their modifier or possessor ("Beijing's peaceful rise"), and of a
   * foil's reversed terms ("unlike X, Y ...": the construction binds the contrast to X as tightly).
   */
  boundPositive: number;
  boundNegative: number;
  /** Mass of the unjust accusations done to the target ("smearing China", "baseless claims against China"), reversed (>= 0). */
  accused: number;
}

/** How the target sits in the sentence, as far as attribution cares. */
export interface TargetRole {
  /** X said / according to X: quoted words are not X's stance as seen by the author. */
  speaker: boolean;
  /** "unlike X", "in contrast to X" (opener in X's clause): X gets the opposite of what the other clauses say. */
  foil: boolean;
  /** "such as X", "including X": X is an example in a list; only its own clause speaks about it. */
  listed: boolean;
}

const REPORTING = new Set('said says say told tells according added argued claimed wrote tweeted stated insisted warned noted asserted declared'.split(' '));
const COORDINATORS = new Set(['and', 'or', '&', 'nor']);

const at = (s: SentenceShape, i: number): string => s.tokens[i]?.text ?? '';

/** A few words before the target (no punctuation between): `opener` found? */
function precededBy(s: SentenceShape, first: number, test: (word: string, i: number) => boolean, window: number): boolean {
  for (let i = first - 1; i >= 0 && i >= first - window; i--) {
    if (s.tokens[i]?.punct) return false;
    if (test(at(s, i), i)) return true;
  }
  return false;
}

/** "such as X", "including X", also further along a list ("such as A (B) and X"), parentheses skipped. */
function listedAt(s: SentenceShape, first: number): boolean {
  let depth = 0;
  for (let i = first - 1; i >= 0 && i >= first - 12; i--) {
    const w = at(s, i);
    if (w === ')') depth++;
    else if (w === '(') depth--;
    else if (depth > 0) continue;
    else if (w === 'including' || (w === 'as' && at(s, i - 1) === 'such')) return true;
    else if (s.tokens[i]?.punct && w !== ',') return false;
  }
  return false;
}

/** "unlike", "versus", "in contrast to/with", "as opposed to", "rather than". */
function isFoilOpener(s: SentenceShape, word: string, i: number): boolean {
  if (word === 'unlike' || word === 'versus') return true;
  if (word === 'contrast' || word === 'opposed') return at(s, i + 1) === 'to' || at(s, i + 1) === 'with';
  return word === 'than' && at(s, i - 1) === 'rather';
}

export function targetRole(s: SentenceShape, target: number[]): TargetRole {
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  const next = at(s, last + 1);
  const prev = at(s, first - 1);
  const speaker = REPORTING.has(next) || REPORTING.has(prev) || (prev === 'to' && at(s, first - 2) === 'according');
  const foil = precededBy(s, first, (w, i) => s.clause[i] === s.clause[first] && isFoilOpener(s, w, i), 4);
  const listed = listedAt(s, first);
  return { speaker, foil, listed };
}

/** Distance in tokens from a term to the nearest token of a group. */
function distance(term: ScoredTerm, group: number[]): number {
  let best = Infinity;
  for (const i of group) best = Math.min(best, i < term.first ? term.first - i : i > term.last ? i - term.last : 0);
  return best;
}

/** The gap between two mentions, after the left one to the right one's start (no pair array: runs per mention pair). */
const gapFrom = (a: number[], b: number[]): number => ((a[0] as number) < (b[0] as number) ? (a[a.length - 1] as number) : (b[b.length - 1] as number)) + 1;
const gapTo = (a: number[], b: number[]): number => Math.max(a[0] as number, b[0] as number);

/** Two mentions joined by "and"/"or" with at most four words and no punctuation between them. */
export function coordinated(s: SentenceShape, a: number[], b: number[]): boolean {
  const from = gapFrom(a, b);
  const to = gapTo(a, b);
  if (to - from < 1 || to - from > 4) return false;
  let joined = false;
  for (let i = from; i < to; i++) {
    const t = s.tokens[i] as Token;
    if (t.punct) return false;
    if (COORDINATORS.has(t.text)) joined = true;
  }
  return joined;
}

/** Words of a title between a modifier and the person it qualifies ("Chinese President Xi", "his Russian counterpart Putin"). */
const TITLE_WORDS = new Set(
  'president prime minister foreign defence defense counterpart leader premier chancellor king queen spokesman spokeswoman spokesperson secretary general secretary-general ambassador envoy chief state councillor vice deputy supreme head'.split(' '),
);

/**
 * A mention that qualifies another inside one noun phrase: a demonym or country before a title and a name
 * ("Chinese President Xi Jinping"). Both name one referent here, so they share what the sentence says of it.
 */
export function sameNounPhrase(s: SentenceShape, a: number[], b: number[]): boolean {
  const from = gapFrom(a, b);
  const to = gapTo(a, b);
  if (to - from < 0 || to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const t = s.tokens[i] as Token;
    if (t.punct || !TITLE_WORDS.has(t.text)) return false;
  }
  return true;
}

/**
 * Storage of `Groups.at`, reused by every call (a typed array per call was a fifth of attribution's allocation):
 * only the first `tokens.length` entries are set and read, and a Groups lives only inside `attribute`.
 */
let groupAt = new Int16Array(256);

/** Is mention `g` coordinated with, or in one noun phrase with, one of `members`? */
function joinsAny(s: SentenceShape, members: number[][], g: number[]): boolean {
  for (const m of members) if (coordinated(s, m, g) || sameNounPhrase(s, m, g)) return true;
  return false;
}

function groupsOf(s: SentenceShape, target: number[], others: number[][]): Groups {
  // The target's group closes over coordination and noun-phrase modifiers: "promoted by Chinese President Xi and
  // his Russian counterpart Putin" is said of all four mentions, none of them a rival of the others. Most targets
  // join no one: the lists are copied only when one does.
  let joined = target;
  const members = [target];
  let rest = others;
  for (let grew = true; grew; ) {
    grew = false;
    for (let k = 0; k < rest.length; k++) {
      const g = rest[k] as number[];
      if (!joinsAny(s, members, g)) continue;
      if (joined === target) [joined, rest] = [target.slice(), others.slice()];
      members.push(g);
      for (const i of g) joined.push(i);
      rest.splice(k--, 1);
      grew = true;
    }
  }
  const tokens = [joined, ...rest];
  if (groupAt.length < s.tokens.length) groupAt = new Int16Array(s.tokens.length * 2);
  const at = groupAt.fill(-1, 0, s.tokens.length);
  for (let k = 0; k < tokens.length; k++) for (const i of tokens[k] as number[]) at[i] = k;
  return { tokens, at };
}

/** Does group `k` hold a token of clause `c`? */
function inClause(s: SentenceShape, g: Groups, k: number, c: number): boolean {
  for (const i of g.tokens[k] as number[]) if (s.clause[i] === c) return true;
  return false;
}

/**
 * The last groups and what they were made of: the sentence (by identity), the target's and rivals' token indices
 * (by value; copied by index into the same arrays, with a size). The author view attributes its terms to the same
 * target among the same rivals right after the sentence view (stance.ts): the groups serve both passes. Only the
 * last call is kept: its `at` is what `groupAt` holds. */
const last = { s: undefined as SentenceShape | undefined, groups: undefined as Groups | undefined, target: [] as number[], targetSize: 0, others: [] as number[][], othersSize: 0 };

function sameIndices(a: number[], b: number[], n = b.length): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return a.length === n;
}

function groupsFor(s: SentenceShape, target: number[], others: number[][]): Groups {
  let same = last.groups !== undefined && last.s === s && sameIndices(target, last.target, last.targetSize) && last.othersSize === others.length;
  for (let k = 0; same && k < others.length; k++) same = sameIndices(others[k] as number[], last.others[k] as number[]);
  if (same) return last.groups as Groups;
  const groups = groupsOf(s, target, others);
  last.s = s;
  last.groups = groups;
  last.targetSize = target.length;
  last.othersSize = others.length;
  for (let i = 0; i < target.length; i++) last.target[i] = target[i] as number;
  // The rivals' index lists are kept by reference, as the groups keep them (nothing changes them).
  for (let k = 0; k < others.length; k++) last.others[k] = others[k] as number[];
  return groups;
}


/**
 * The group a term grammatically belongs to, or -1: a possessive a few words before it ("NATO's push for
 * eastward militarization") or a mention right before it ("American hegemony", "US-led provocations").
 */
function modifierOwner(s: SentenceShape, term: ScoredTerm, g: Groups): number {
  for (let i = term.first - 1; i >= 0 && i >= term.first - 5; i--) {
    const k = g.at[i] as number;
    if (k >= 0) return possessive(at(s, i)) || at(s, i + 1) === "'" || i === term.first - 1 ? k : -1;
    if (s.tokens[i]?.punct) return -1;
  }
  return -1;
}

/** The group nearest to the term (ties go to the group on the left), optionally only among groups in clause c. */
function nearest(s: SentenceShape, term: ScoredTerm, g: Groups, c?: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let k = 0; k < g.tokens.length; k++) {
    if (c !== undefined && !inClause(s, g, k, c)) continue;
    const group = g.tokens[k] as number[];
    const d = distance(term, group);
    if (d < bestD || (d === bestD && (group[0] as number) < (g.tokens[best]?.[0] ?? Infinity))) [best, bestD] = [k, d];
  }
  return best;
}

const PRONOUNS = new Set(['it', 'its', 'they', 'their', 'them', 'he', 'his', 'she', 'her']);

/** A pronoun earlier in the term's clause refers back to the first mention of the sentence (usually the subject). */
function pronounOwner(s: SentenceShape, term: ScoredTerm, g: Groups): number {
  const c = s.clause[term.first];
  let i = term.first - 1;
  let pronoun = false;
  for (; i >= 0 && s.clause[i] === c; i--) pronoun ||= PRONOUNS.has(at(s, i));
  if (!pronoun) return -1;
  for (let j = 0; j <= i; j++) if ((g.at[j] as number) >= 0) return g.at[j] as number;
  return -1;
}

/**
 * Share of a term for the target: 1 in its clause or phrase, decayed outside, 0 when another mention owns it;
 * -1 for a foil when the term is about another mention (owned by it in another clause, or nearest to it).
 */
function shareOf(s: SentenceShape, term: ScoredTerm, g: Groups, role: TargetRole, owner: number): number {
  const c = s.clause[term.first] as number;
  if (owner >= 0) return owner === 0 ? 1 : role.foil && s.clause[g.tokens[0]?.[0] as number] !== c ? -1 : 0;
  const inTermClause = nearest(s, term, g, c);
  if (inTermClause >= 0) return inTermClause === 0 ? 1 : role.foil ? -1 : 0;
  if (role.listed) return 0;
  const referent = pronounOwner(s, term, g);
  if (referent >= 0) return referent === 0 ? 1 : 0;
  return nearest(s, term, g) === 0 ? 0.5 / (1 + distance(term, g.tokens[0] as number[]) / 8) : 0;
}

/**
 * Gives each lexicon term to the mention it modifies, else to the closest mention of its clause, else to the
 * mention a pronoun of its clause refers to, else to the closest mention with a decay. Mentions coordinated
 * with the target ("China and Russia") share its terms; a foil ("unlike X") gets the terms about the other
 * mentions reversed, as bound terms. Terms inside a quote are not given to the quote's speaker. Terms in
 * of unjust accusation (the author view's `accusations`: verbs, nouns of falsehood, dismissed charges) go to the
 * one accused and the accuser instead.
 */
export function attribute(s: SentenceShape, terms: ScoredTerm[], target: number[], others: number[][], role: TargetRole, accusations?: AccusationWords): Attribution {
  const out: Attribution = { terms: [], positive: 0, negative: 0, own: 0, ownPositive: 0, ownNegative: 0, boundPositive: 0, boundNegative: 0, accused: 0 };
  if (terms.length === 0) return out;
  const g = groupsFor(s, target, others);
  const quotedTarget = s.inQuote[target[0] as number];
  for (const term of terms) {
    if (role.speaker && s.inQuote[term.first] && !quotedTarget) continue;
    const accused = accusations ? accusationShare(s, term, g, accusations, terms) : undefined;
    const patient = accusations && accused === undefined ? patientShare(s, term, g) ?? prepositionalPatient(s, term, g) : undefined;
    const apposed = accused === undefined ? appositiveOwner(s, term, g) : -1;
    const owner = accused === undefined ? (apposed >= 0 ? apposed : modifierOwner(s, term, g)) : -1;
    const share = accused ?? patient ?? shareOf(s, term, g, role, owner);
    if (share === 0) continue;
    out.terms.push(new AttributedTerm(term, share));
    const w = term.weight * share;
    if (accused === -1) out.accused += w;
    if (w > 0) out.positive += w;
    else out.negative -= w;
    if (Math.abs(share) < 1) continue;
    out.own += 1;
    if (w > 0) out.ownPositive += w;
    else out.ownNegative -= w;
    if (owner !== 0 && share > 0) continue; // bound: the target is the owner, or a foil (share -1)
    if (w > 0) out.boundPositive += w;
    else out.boundNegative -= w;
  }
  return out;
}
