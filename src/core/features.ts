// Hashed features of one (sentence, target) pair for the stance model. Pure.
import { attribute, targetRole, type Attribution, type SentenceShape, type TargetRole } from './attribution.js';
import { bucket, emptyVector, fnv1a, named, push, type FeatureVector } from './feature-hash.js';
import { CONTRAST, isNegator, scoreTokens, type Lexicon, type ScoredTerm } from './lexicon.js';
import { tokenize, type Token } from './text.js';

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
}

const CLAUSE_PUNCT = new Set([',', ';', ':', '-', '"', '[', ']']);
/** Feature namespaces. */
const NS = { unigram: 1, bigram: 2, clause: 3, left: 4, right: 5, left1: 6, right1: 7, attributed: 8 } as const;
const MENTION = fnv1a('<m>');
const OTHER = fnv1a('<o>');
const START = fnv1a('^');
const F = Object.fromEntries(
  ['bias', 's:has_quote', 'lex:rest_pos', 'lex:rest_neg', 'lex:clause_pos', 'lex:clause_neg', 'lex:att_pos', 'lex:att_neg',
    'lex:att_net', 'lex:own', 's:speaker', 's:foil', 's:listed', 's:in_quote', 's:sentence_start', 's:possessive',
    's:others_1', 's:others_2', 's:others_3', 's:first_target', 's:clause_negated', 's:after_contrast', 's:before_contrast',
    's:no_terms'].map((name) => [name, named(name)]),
) as Record<string, number>;
const id = (name: string): number => F[name] as number;

/** Token indices covered by a character span. */
function tokensIn(tokens: Token[], [from, to]: Span): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.start < to && from < t.end) out.push(i);
    else if (t.start >= to) break;
  }
  return out;
}

/** Clause numbers (punctuation and contrast words open a clause; a parenthesis is its own clause) and quotes. */
function clauses(tokens: Token[]): { clause: number[]; inQuote: boolean[]; contrastAt: number; negatedClauses: Set<number> } {
  const clause: number[] = [];
  const inQuote: boolean[] = [];
  let current = 0;
  let next = 0;
  let outer = -1;
  let quoted = false;
  let contrastAt = -1;
  const negatedClauses = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const text = (tokens[i] as Token).text;
    const contrast = CONTRAST.has(text);
    if (text === '(') [outer, current] = [current, ++next];
    else if (text === ')' && outer >= 0) [current, outer] = [outer, -1];
    else if (CLAUSE_PUNCT.has(text) || contrast) current = ++next;
    if (text === '"') quoted = !quoted;
    if (contrast && i > 0) contrastAt = i;
    clause.push(current);
    inQuote.push(quoted);
    if (isNegator(text)) negatedClauses.add(current);
  }
  return { clause, inQuote, contrastAt, negatedClauses };
}

/** Words outside mentions, bigrams with each mention as "<m>", and sentence-wide flags. */
function sharedFeatures(tokens: Token[], mention: Uint8Array): FeatureVector {
  const f = emptyVector();
  push(f, id('bias'));
  let previous = START;
  for (let i = 0; i < tokens.length; i++) {
    if (mention[i] && mention[i - 1]) continue;
    const t = tokens[i] as Token;
    const symbol = mention[i] ? MENTION : t.hash;
    if (!mention[i]) push(f, bucket(NS.unigram, symbol));
    if (previous === MENTION || symbol === MENTION) push(f, bucket(NS.bigram, previous, symbol));
    if (t.text === '"') push(f, id('s:has_quote'));
    previous = symbol;
  }
  return f;
}

/** Tokenises, finds clauses and quotes, and scores lexicon terms outside the mention spans. */
export function prepareSentence(text: string, lexicon: Lexicon, spans: Span[], tokens: Token[] = tokenize(text)): PreparedSentence {
  const mention = new Uint8Array(tokens.length);
  for (const span of spans) for (const i of tokensIn(tokens, span)) mention[i] = 1;
  const terms = scoreTokens(tokens, lexicon, (i) => mention[i] === 1);
  return { text, tokens, terms, ...clauses(tokens), shared: sharedFeatures(tokens, mention) };
}

const squash = (x: number): number => Math.tanh(x / 4);

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
  push(f, id('lex:rest_pos'), squash(Math.max(0, pos - att.positive)));
  push(f, id('lex:rest_neg'), squash(Math.max(0, neg - att.negative)));
  push(f, id('lex:clause_pos'), squash(clausePos));
  push(f, id('lex:clause_neg'), squash(clauseNeg));
  push(f, id('lex:att_pos'), squash(att.positive));
  push(f, id('lex:att_neg'), squash(att.negative));
  push(f, id('lex:att_net'), squash(att.positive - att.negative));
  push(f, id(att.terms.length === 0 ? 's:no_terms' : 'lex:own'), att.terms.length === 0 ? 1 : Math.min(att.own, 3) / 3);
  for (const t of att.terms) push(f, bucket(NS.attributed, s.tokens[t.first]?.hash ?? 0, t.weight * t.share > 0 ? 1 : 2));
}

/** Words of the target's clause and of a window of three words either side of it. */
function lexicalFeatures(f: FeatureVector, s: PreparedSentence, role: Uint8Array, target: number[]): void {
  const first = target[0] as number;
  const last = target[target.length - 1] as number;
  const targetClause = s.clause[first];
  for (let i = 0; i < s.tokens.length; i++) {
    if (role[i] === 1) continue;
    const h = role[i] === 2 ? OTHER : (s.tokens[i] as Token).hash;
    if (s.clause[i] === targetClause) push(f, bucket(NS.clause, h));
    const d = i < first ? first - i : i - last;
    if (d <= 3) push(f, bucket(i < first ? NS.left : NS.right, h));
    if (d === 1) push(f, bucket(i < first ? NS.left1 : NS.right1, h));
  }
}

function structuralFeatures(f: FeatureVector, s: PreparedSentence, target: number[], others: number[][], role: TargetRole): void {
  const first = target[0] as number;
  const flags: Array<[boolean, string]> = [
    [role.speaker, 's:speaker'],
    [role.foil, 's:foil'],
    [role.listed, 's:listed'],
    [s.inQuote[first] === true, 's:in_quote'],
    [first <= 1, 's:sentence_start'],
    [s.tokens[target[target.length - 1] as number]?.text.endsWith("'s") === true, 's:possessive'],
    [others.every((g) => (g[0] as number) > first), 's:first_target'],
    [s.negatedClauses.has(s.clause[first] as number), 's:clause_negated'],
  ];
  for (const [on, name] of flags) if (on) push(f, id(name));
  if (others.length > 0) push(f, id(`s:others_${Math.min(others.length, 3)}`));
  if (s.contrastAt >= 0) push(f, id(first >= s.contrastAt ? 's:after_contrast' : 's:before_contrast'));
}

export interface TargetAnalysis {
  /** Target-specific features; the sentence's `shared` features complete them. */
  features: FeatureVector;
  attribution: Attribution;
  role: TargetRole;
}

/** Features and lexicon attribution of one target among the other mention spans of the same sentence. */
export function analyseTarget(s: PreparedSentence, target: Span, others: Span[]): TargetAnalysis {
  const role = new Uint8Array(s.tokens.length);
  const otherTokens = others.map((span) => tokensIn(s.tokens, span)).filter((g) => g.length > 0);
  for (const g of otherTokens) for (const i of g) role[i] = 2;
  let targetTokens = tokensIn(s.tokens, target);
  if (targetTokens.length === 0) targetTokens = [Math.max(0, s.tokens.findIndex((t) => t.start >= target[0]))];
  for (const i of targetTokens) role[i] = 1;
  const targetRoleOf = targetRole(s, targetTokens);
  const attribution = attribute(s, s.terms, targetTokens, otherTokens, targetRoleOf);
  const features = emptyVector();
  lexicalFeatures(features, s, role, targetTokens);
  lexiconFeatures(features, s, attribution, targetTokens);
  structuralFeatures(features, s, targetTokens, otherTokens, targetRoleOf);
  return { features, attribution, role: targetRoleOf };
}

/** All features of a target: the sentence's shared ones plus the target's own. */
export const allFeatures = (s: PreparedSentence, target: TargetAnalysis): FeatureVector => ({
  ids: [...s.shared.ids, ...target.features.ids],
  values: [...s.shared.values, ...target.features.values],
});
