// Features of one (sentence, target) pair for the stance model, and lexicon attribution to the target. Pure.
import { CONTRAST, isNegator, scoreTokens, type Lexicon, type ScoredTerm } from './lexicon.js';
import { tokenize, type Token } from './text.js';

export type Span = readonly [number, number];

/** A sentence prepared once and shared by all of its targets. */
export interface PreparedSentence {
  text: string;
  tokens: Token[];
  /** Lexicon terms, mention tokens excluded. */
  terms: ScoredTerm[];
  /** Features that do not depend on which mention is the target (mentions read as "<m>"). */
  shared: FeatureVector;
  /** Clause number of every token (punctuation and contrast words open a new clause). */
  clause: number[];
  /** Index of the first token of the clause that follows the last contrast word, or -1. */
  contrastAt: number;
  inQuote: boolean[];
}

const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '-', '"', '[', ']']);
const REPORTING = new Set('said says say told tells according added argued claimed wrote tweeted stated insisted warned noted asserted declared'.split(' '));

/** Token indices covered by a character span. */
function tokensIn(tokens: Token[], [from, to]: Span): number[] {
  const out: number[] = [];
  for (const [i, t] of tokens.entries()) if (t.start < to && from < t.end) out.push(i);
  return out;
}

/** Tokenises, finds clauses and quotes, and scores lexicon terms outside the mention spans. */
export function prepareSentence(text: string, lexicon: Lexicon, spans: Span[]): PreparedSentence {
  const tokens = tokenize(text);
  const mentionTokens = new Set(spans.flatMap((span) => tokensIn(tokens, span)));
  const terms = scoreTokens(tokens, lexicon, (i) => mentionTokens.has(i));
  const clause: number[] = [];
  const inQuote: boolean[] = [];
  let current = 0;
  let quoted = false;
  let contrastAt = -1;
  for (const [i, token] of tokens.entries()) {
    const opens = CLAUSE_PUNCT.has(token.text) || CONTRAST.has(token.text);
    if (opens) current++;
    if (token.text === '"') quoted = !quoted;
    if (CONTRAST.has(token.text) && i > 0) contrastAt = i;
    clause.push(current);
    inQuote.push(quoted);
  }
  return { text, tokens, terms, clause, contrastAt, inQuote, shared: sharedFeatures(tokens, mentionTokens) };
}

/** Words outside mentions, bigrams with each mention as "<m>", and sentence-wide flags. */
function sharedFeatures(tokens: Token[], mentionTokens: Set<number>): FeatureVector {
  const f: FeatureVector = new Map([['bias', 1]]);
  let previous = '^';
  for (let i = 0; i < tokens.length; i++) {
    const mention = mentionTokens.has(i);
    if (mention && mentionTokens.has(i - 1)) continue;
    const symbol = mention ? '<m>' : (tokens[i] as Token).text;
    if (!mention) f.set(`u:${symbol}`, 1);
    f.set(`b:${previous}_${symbol}`, 1);
    if (symbol === '"') f.set('s:has_quote', 1);
    previous = symbol;
  }
  return f;
}

export interface Attribution {
  /** Terms that belong to the target, with their (distance-weighted) contributions. */
  terms: Array<ScoredTerm & { share: number }>;
  positive: number;
  negative: number;
}

/** Distance in tokens from a term to the nearest token of a group. */
const distance = (term: ScoredTerm, group: number[]): number =>
  Math.min(...group.map((i) => (i < term.first ? term.first - i : i > term.last ? i - term.last : 0)));

/**
 * The mention a term grammatically belongs to, if any: a possessive a few words before it ("NATO's push for
 * eastward militarization") or a mention right before it ("American hegemony", "US-led provocations").
 */
function modifierOwner(sentence: PreparedSentence, term: ScoredTerm, groups: number[][]): number[] | undefined {
  for (let i = term.first - 1; i >= 0 && i >= term.first - 5; i--) {
    const group = groups.find((g) => g.includes(i));
    if (group) {
      const possessive = /'s?$/.test(sentence.tokens[i]?.text ?? '') || sentence.tokens[i + 1]?.text === "'";
      return possessive || i === term.first - 1 ? group : undefined;
    }
    if (sentence.tokens[i]?.punct) return undefined;
  }
  return undefined;
}

/** Whether a rival mention is closer to the term than the target (ties go to the mention on the left). */
function closer(term: ScoredTerm, rival: number[], target: number[]): boolean {
  const d = distance(term, rival);
  const own = distance(term, target);
  return d < own || (d === own && (rival[0] as number) < (target[0] as number));
}

/**
 * Gives each lexicon term to the mention it modifies, else to the closest mention, preferring mentions in the
 * same clause; a term with no mention in its clause is shared with a decay. Terms inside a quote are not given
 * to the quote's speaker.
 */
export function attribute(sentence: PreparedSentence, terms: ScoredTerm[], target: number[], others: number[][], speaker: boolean): Attribution {
  const out: Attribution = { terms: [], positive: 0, negative: 0 };
  const inClause = (g: number[], c: number): boolean => g.some((i) => sentence.clause[i] === c);
  for (const term of terms) {
    if (speaker && sentence.inQuote[term.first] && !sentence.inQuote[target[0] as number]) continue;
    const c = sentence.clause[term.first] as number;
    const sameClause = inClause(target, c);
    const owner = modifierOwner(sentence, term, [target, ...others]);
    const taken = owner
      ? owner !== target
      : others.some((g) => (sameClause ? inClause(g, c) : true) && closer(term, g, target)) ||
        (!sameClause && others.some((g) => inClause(g, c)));
    if (taken) continue;
    const share = sameClause || owner ? 1 : 0.5 / (1 + distance(term, target) / 8);
    out.terms.push({ ...term, share });
    if (term.weight > 0) out.positive += term.weight * share;
    else out.negative -= term.weight * share;
  }
  return out;
}

function isSpeaker(sentence: PreparedSentence, target: number[]): boolean {
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  const next = sentence.tokens[last + 1]?.text ?? '';
  const prev = sentence.tokens[first - 1]?.text ?? '';
  const prev2 = sentence.tokens[first - 2]?.text ?? '';
  return REPORTING.has(next) || REPORTING.has(prev) || (prev === 'to' && prev2 === 'according');
}

export type FeatureVector = Map<string, number>;

const squash = (x: number): number => Math.tanh(x / 4);

/** Lexicon mass of the target (attributed), of the rest of the sentence, and of the target's clause. */
function lexiconFeatures(f: FeatureVector, terms: ScoredTerm[], att: Attribution, sentence: PreparedSentence, target: number[]): void {
  let pos = 0;
  let neg = 0;
  let clausePos = 0;
  let clauseNeg = 0;
  const targetClause = sentence.clause[target[0] as number];
  for (const t of terms) {
    const w = sentence.contrastAt >= 0 ? (t.first >= sentence.contrastAt ? 1.5 : 0.5) * t.weight : t.weight;
    if (w > 0) pos += w;
    else neg -= w;
    if (sentence.clause[t.first] !== targetClause) continue;
    if (w > 0) clausePos += w;
    else clauseNeg -= w;
  }
  f.set('lex:rest_pos', squash(Math.max(0, pos - att.positive))).set('lex:rest_neg', squash(Math.max(0, neg - att.negative)));
  f.set('lex:clause_pos', squash(clausePos)).set('lex:clause_neg', squash(clauseNeg));
  f.set('lex:att_pos', squash(att.positive)).set('lex:att_neg', squash(att.negative));
  f.set('lex:att_net', squash(att.positive - att.negative));
}

/** Words of the target's clause and of a window of three words either side of it. */
function lexicalFeatures(f: FeatureVector, sentence: PreparedSentence, role: Uint8Array, target: number[]): void {
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  const targetClause = sentence.clause[first];
  for (let i = 0; i < sentence.tokens.length; i++) {
    if (role[i] === 1) continue;
    const s = role[i] === 2 ? '<o>' : (sentence.tokens[i] as Token).text;
    if (sentence.clause[i] === targetClause) f.set(`c:${s}`, 1);
    const d = i < first ? first - i : i - last;
    if (d <= 3) f.set(`${i < first ? 'l' : 'r'}:${s}`, 1);
    if (d === 1) f.set(`${i < first ? 'l1' : 'r1'}:${s}`, 1);
  }
}

function structuralFeatures(f: FeatureVector, sentence: PreparedSentence, target: number[], others: number[][], speaker: boolean): void {
  const first = target[0] as number;
  const add = (k: string): void => void f.set(k, 1);
  if (speaker) add('s:speaker');
  if (sentence.inQuote[first]) add('s:in_quote');
  if (first <= 1) add('s:sentence_start');
  if (sentence.tokens[target[target.length - 1] as number]?.text.endsWith("'s")) add('s:possessive');
  if (others.length > 0) add(`s:others_${Math.min(others.length, 3)}`);
  if (others.every((g) => (g[0] as number) > first)) add('s:first_target');
  const clause = sentence.clause[first];
  if (sentence.tokens.some((t, i) => sentence.clause[i] === clause && isNegator(t.text))) add('s:clause_negated');
  if (sentence.contrastAt >= 0) add(first >= sentence.contrastAt ? 's:after_contrast' : 's:before_contrast');
}

export interface TargetAnalysis {
  /** Target-specific features; the sentence's `shared` features complete them. */
  features: FeatureVector;
  attribution: Attribution;
}

/** Features and lexicon attribution of one target among the other mention spans of the same sentence. */
export function analyseTarget(sentence: PreparedSentence, target: Span, others: Span[]): TargetAnalysis {
  const role = new Uint8Array(sentence.tokens.length);
  const otherTokens = others.map((span) => tokensIn(sentence.tokens, span)).filter((g) => g.length > 0);
  for (const g of otherTokens) for (const i of g) role[i] = 2;
  let targetTokens = tokensIn(sentence.tokens, target);
  if (targetTokens.length === 0) targetTokens = [Math.max(0, sentence.tokens.findIndex((t) => t.start >= target[0]))];
  for (const i of targetTokens) role[i] = 1;
  const terms = sentence.terms;
  const speaker = isSpeaker(sentence, targetTokens);
  const attribution = attribute(sentence, terms, targetTokens, otherTokens, speaker);
  const features: FeatureVector = new Map();
  lexicalFeatures(features, sentence, role, targetTokens);
  lexiconFeatures(features, terms, attribution, sentence, targetTokens);
  structuralFeatures(features, sentence, targetTokens, otherTokens, speaker);
  return { features, attribution };
}

/** All features of a target: the sentence's shared ones plus the target's own. */
export const allFeatures = (sentence: PreparedSentence, target: TargetAnalysis): FeatureVector =>
  new Map([...sentence.shared, ...target.features]);
