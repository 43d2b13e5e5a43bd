// Hashed features of one (sentence, target) pair for the stance model. Pure.
import { attribute, targetRole, type Attribution, type SentenceShape, type TargetRole } from './attribution.js';
import { bucket, copyVector, emptyVector, fnv1a, named, push, type FeatureVector } from './feature-hash.js';
import { scoreTokens, type Lexicon, type ScoredTerm } from './lexicon.js';
import { tokenize, type Token } from './text.js';
import { WORD } from './words.js';
import { squash } from './squash.js';

export type Span = readonly [number, number];

/** A sentence prepared once and shared by all of its targets. */
export interface PreparedSentence extends SentenceShape {
  text: string;
  /** Lexicon terms, mention tokens excluded. */
  terms: ScoredTerm[];
  /** Features that do not depend on which mention is the target (mentions read as "<m>"). */
  shared: FeatureVector;
  /** Index of the first token of the clause that follows the last contrast word, or -1. */
  contrastAt: number;
  /** Clauses holding a negator. */
  negatedClauses: Set<number>;
  /** First and last token index of every clause. */
  clauseFirst: Int32Array;
  clauseLast: Int32Array;
  /** Token indices of every mention span, in the order the spans were given (empty when it covers none). */
  spanTokens: number[][];
  /** 1 for the tokens of any mention span. */
  mention: Uint8Array;
}

const CLAUSE_PUNCT = new Set([',', ';', ':', '-', '"', '[', ']']);
/** Feature namespaces. */
const NS = { unigram: 1, bigram: 2, clause: 3, left: 4, right: 5, left1: 6, right1: 7, attributed: 8 } as const;
const MENTION = fnv1a('<m>');
const OTHER = fnv1a('<o>');
const START = fnv1a('^');
const OTHERS = [named('s:others_1'), named('s:others_2'), named('s:others_3')];
const F = {
  bias: named('bias'), hasQuote: named('s:has_quote'), restPos: named('lex:rest_pos'), restNeg: named('lex:rest_neg'),
  clausePos: named('lex:clause_pos'), clauseNeg: named('lex:clause_neg'), attPos: named('lex:att_pos'),
  attNeg: named('lex:att_neg'), boundPos: named('lex:bound_pos'), boundNeg: named('lex:bound_neg'), attNet: named('lex:att_net'), own: named('lex:own'), noTerms: named('s:no_terms'),
  speaker: named('s:speaker'), foil: named('s:foil'), listed: named('s:listed'), inQuote: named('s:in_quote'),
  sentenceStart: named('s:sentence_start'), possessive: named('s:possessive'), firstTarget: named('s:first_target'),
  clauseNegated: named('s:clause_negated'), afterContrast: named('s:after_contrast'), beforeContrast: named('s:before_contrast'),
} as const;

/** Token indices covered by a character span, searching from token `from` on (spans come left to right). */
function tokensIn(tokens: Token[], [start, end]: Span, from: number): number[] {
  const out: number[] = [];
  let i = from;
  while (i > 0 && (tokens[i - 1] as Token).end > start) i--;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start >= end) break;
    if (start < t.end) out.push(i);
  }
  return out;
}

/** Clause numbers (punctuation and contrast words open a clause; a parenthesis is its own clause) and quotes. */
interface Clauses {
  clause: Int32Array;
  inQuote: Uint8Array;
  contrastAt: number;
  negatedClauses: Set<number>;
  clauseFirst: Int32Array;
  clauseLast: Int32Array;
}

function clauses(tokens: Token[]): Clauses {
  const clause = new Int32Array(tokens.length);
  const inQuote = new Uint8Array(tokens.length);
  let current = 0;
  let next = 0;
  let outer = -1;
  let quoted = false;
  let contrastAt = -1;
  const negatedClauses = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const text = token.text;
    const contrast = token.kind === WORD.contrast;
    if (text === '(') {
      outer = current;
      current = ++next;
    } else if (text === ')' && outer >= 0) {
      current = outer;
      outer = -1;
    } else if (contrast || (token.punct && CLAUSE_PUNCT.has(text))) current = ++next;
    if (text === '"') quoted = !quoted;
    if (contrast && i > 0) contrastAt = i;
    clause[i] = current;
    inQuote[i] = quoted ? 1 : 0;
    if (token.kind === WORD.negator) negatedClauses.add(current);
  }
  const clauseFirst = new Int32Array(next + 1).fill(-1);
  const clauseLast = new Int32Array(next + 1);
  for (let i = 0; i < tokens.length; i++) {
    const c = clause[i] as number;
    if ((clauseFirst[c] as number) < 0) clauseFirst[c] = i;
    clauseLast[c] = i;
  }
  return { clause, inQuote, contrastAt, negatedClauses, clauseFirst, clauseLast };
}

/** Words outside mentions, bigrams with each mention as "<m>", and sentence-wide flags, added to `f`. */
function sharedFeatures(tokens: Token[], mention: Uint8Array, f: FeatureVector): FeatureVector {
  push(f, F.bias);
  let previous = START;
  for (let i = 0; i < tokens.length; i++) {
    if (mention[i] && mention[i - 1]) continue;
    const t = tokens[i] as Token;
    const symbol = mention[i] ? MENTION : t.hash;
    if (!mention[i]) push(f, bucket(NS.unigram, symbol));
    if (previous === MENTION || symbol === MENTION) push(f, bucket(NS.bigram, previous, symbol));
    if (t.text === '"') push(f, F.hasQuote);
    previous = symbol;
  }
  return f;
}

/**
 * Tokenises, finds clauses and quotes, and scores lexicon terms outside the mention spans. The shared features are
 * added to `shared` (a scratch vector serves a caller that reads them only while it works on this sentence).
 */
export function prepareSentence(text: string, lexicon: Lexicon, spans: Span[], tokens: Token[] = tokenize(text), shared = emptyVector()): PreparedSentence {
  const mention = new Uint8Array(tokens.length);
  const spanTokens: number[][] = [];
  for (const span of spans) spanTokens.push(tokensIn(tokens, span, spanTokens.at(-1)?.[0] ?? 0));
  for (const group of spanTokens) for (const i of group) mention[i] = 1;
  const terms = scoreTokens(tokens, lexicon, mention);
  const c = clauses(tokens);
  return {
    text, tokens, terms, shared: sharedFeatures(tokens, mention, shared), spanTokens, mention, clause: c.clause, inQuote: c.inQuote,
    contrastAt: c.contrastAt, negatedClauses: c.negatedClauses, clauseFirst: c.clauseFirst, clauseLast: c.clauseLast,
  };
}


/** Lexicon mass of the target (attributed), of the rest of the sentence, and of the target's clause. */
function lexiconFeatures(f: FeatureVector, s: PreparedSentence, att: Attribution, target: number[]): void {
  let pos = 0;
  let neg = 0;
  let clausePos = 0;
  let clauseNeg = 0;
  const targetClause = s.clause[target[0] as number];
  for (const t of s.terms) {
    const w = s.contrastAt >= 0 ? (t.first >= s.contrastAt ? 1.5 : 0.5) * t.weight : t.weight;
    if (w > 0) pos += w;
    else neg -= w;
    if (s.clause[t.first] !== targetClause) continue;
    if (w > 0) clausePos += w;
    else clauseNeg -= w;
  }
  push(f, F.restPos, squash(Math.max(0, pos - att.positive)));
  push(f, F.restNeg, squash(Math.max(0, neg - att.negative)));
  push(f, F.clausePos, squash(clausePos));
  push(f, F.clauseNeg, squash(clauseNeg));
  push(f, F.attPos, squash(att.positive));
  push(f, F.attNeg, squash(att.negative));
  push(f, F.attNet, squash(att.positive - att.negative));
  if (att.boundPositive > 0) push(f, F.boundPos, squash(att.boundPositive));
  if (att.boundNegative > 0) push(f, F.boundNeg, squash(att.boundNegative));
  if (att.terms.length === 0) push(f, F.noTerms);
  else push(f, F.own, Math.min(att.own, 3) / 3);
  for (const t of att.terms) push(f, bucket(NS.attributed, s.tokens[t.first]?.hash ?? 0, t.weight * t.share > 0 ? 1 : 2));
}

/** Words of the target's clause and of a window of three words either side of it. */
function lexicalFeatures(f: FeatureVector, s: PreparedSentence, role: Int8Array, target: number[]): void {
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  const targetClause = s.clause[first] as number;
  const from = Math.min(first - 3, s.clauseFirst[targetClause] as number);
  const to = Math.min(s.tokens.length - 1, Math.max(last + 3, s.clauseLast[targetClause] as number));
  for (let i = Math.max(0, from); i <= to; i++) {
    if (role[i] === 1) continue;
    const h = role[i] === 2 ? OTHER : (s.tokens[i] as Token).hash;
    if (s.clause[i] === targetClause) push(f, bucket(NS.clause, h));
    const d = i < first ? first - i : i - last;
    if (d <= 3) push(f, bucket(i < first ? NS.left : NS.right, h));
    if (d === 1) push(f, bucket(i < first ? NS.left1 : NS.right1, h));
  }
}

/** Do all the mentions start after token `first`? */
function allAfter(others: number[][], first: number): boolean {
  for (const g of others) if ((g[0] as number) <= first) return false;
  return true;
}

function structuralFeatures(f: FeatureVector, s: PreparedSentence, target: number[], others: number[][], role: TargetRole): void {
  const first = target[0] as number;
  if (role.speaker) push(f, F.speaker);
  if (role.foil) push(f, F.foil);
  if (role.listed) push(f, F.listed);
  if (s.inQuote[first] === 1) push(f, F.inQuote);
  if (first <= 1) push(f, F.sentenceStart);
  if (s.tokens[target[target.length - 1] as number]?.text.endsWith("'s") === true) push(f, F.possessive);
  if (allAfter(others, first)) push(f, F.firstTarget);
  if (s.negatedClauses.has(s.clause[first] as number)) push(f, F.clauseNegated);
  if (others.length > 0) push(f, OTHERS[Math.min(others.length, 3) - 1] as number);
  if (s.contrastAt >= 0) push(f, first >= s.contrastAt ? F.afterContrast : F.beforeContrast);
}

/**
 * Storage of a target's token roles (1 target, 2 another mention), reused by every call: only the first
 * `tokens.length` entries are set and read, and only while `analyseTarget` runs.
 */
let roleStore = new Int8Array(256);

export interface TargetAnalysis {
  /** Target-specific features; the sentence's `shared` features complete them. */
  features: FeatureVector;
  attribution: Attribution;
  role: TargetRole;
}

/** The token lists of the spans `others` that cover any token. */
export function tokensOfSpans(s: PreparedSentence, others: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const k of others) if ((s.spanTokens[k] as number[]).length > 0) out.push(s.spanTokens[k] as number[]);
  return out;
}

/**
 * Features and lexicon attribution of one target among other mentions of the same sentence; `target` and
 * `others` index the spans the sentence was prepared with (`otherTokens`: their `tokensOfSpans`, when the caller
 * has them). Features are added to `features`.
 */
export function analyseTarget(s: PreparedSentence, span: Span, target: number, others: readonly number[], features = emptyVector(), otherTokens = tokensOfSpans(s, others)): TargetAnalysis {
  if (roleStore.length < s.tokens.length) roleStore = new Int8Array(s.tokens.length * 2);
  const role = roleStore.fill(0, 0, s.tokens.length);
  for (const g of otherTokens) for (const i of g) role[i] = 2;
  let targetTokens = s.spanTokens[target] as number[];
  if (targetTokens.length === 0) targetTokens = [Math.max(0, s.tokens.findIndex((t) => t.start >= span[0]))];
  for (const i of targetTokens) role[i] = 1;
  const targetRoleOf = targetRole(s, targetTokens);
  const attribution = attribute(s, s.terms, targetTokens, otherTokens, targetRoleOf);
  lexicalFeatures(features, s, role, targetTokens);
  lexiconFeatures(features, s, attribution, targetTokens);
  structuralFeatures(features, s, targetTokens, otherTokens, targetRoleOf);
  return { features, attribution, role: targetRoleOf };
}

/** All features of a target: the sentence's shared ones plus the target's own. */
export const allFeatures = (s: PreparedSentence, target: TargetAnalysis): FeatureVector => {
  const shared = copyVector(s.shared);
  const own = copyVector(target.features);
  return { ids: [...shared.ids, ...own.ids], values: [...shared.values, ...own.values] };
};
