// Speaker phrases of reporting constructions: the words before a reporting verb ("Kremlin spokesman Dmitry Peskov
// said"), after it ("..., said the ministry"), and a name set beside them ("Poland's prime minister, Mateusz
// Morawiecki, ..."). Pure.
import type { Token } from './text.js';
import { capitalised, isQuote, word, type Found } from './voice-tokens.js';
import { MEDIA_NOUNS, ROLE_NOUNS, SPEAKER_NOUNS, SPEAKER_PRONOUNS, SPEAKER_STOPS, SUBJECT_PRONOUNS, TITLE_WORDS, TRAILING } from './voice-words.js';
import { timeAdverbialAt } from './voice-time.js';

export const ARTICLES = new Set(['the', 'a', 'an']);

/** "and" between two capitalised words joins one speaker ("State Councillor and Foreign Minister Wang Yi"). */
const joinsNames = (text: string, tokens: Token[], i: number): boolean =>
  tokens[i]?.text === 'and' && tokens[i - 1] !== undefined && tokens[i + 1] !== undefined &&
  capitalised(text, tokens[i - 1] as Token) && capitalised(text, tokens[i + 1] as Token);

/** The speaker phrase ending at `end` (leftwards, up to a boundary), as a token range, or undefined. */
export function speakerLeft(text: string, tokens: Token[], last: number): [number, number] | undefined {
  let end = last;
  // "..., it said", "It also condemns ...": a pronoun subject is the whole speaker phrase ("it" is also a stop word).
  if (SPEAKER_PRONOUNS.has(word(tokens, end))) return [end, end];
  let first = end + 1;
  for (let i = end; i >= 0 && end - i < 9; i--) {
    const t = tokens[i] as Token;
    if ((t.punct && t.text !== '-' && t.text !== '.') || (SPEAKER_STOPS.has(t.text) && !joinsNames(text, tokens, i))) break;
    first = i;
  }
  if (first > end) return undefined;
  // A window that ends inside a word written with points takes all of it ("U.S. President Donald Trump's envoy
  // to Ukraine", not "S. President ...").
  while (first > 0 && (tokens[first - 1] as Token).end === (tokens[first] as Token).start && (!(tokens[first - 1] as Token).punct || tokens[first - 1]?.text === '.')) first--;
  // A dash kept for hyphenated names does not start one ("MOSCOW (Sputnik) - Iranian ... spokesman").
  while (first <= end && (ARTICLES.has(word(tokens, first)) || tokens[first]?.punct === true)) first++;
  // "The ministry issued a statement condemning ...": the one who issued the document speaks.
  end = issuerEnd(tokens, first, end);
  // "... and on Sunday Taipei's foreign ministry said": a time adverbial before the subject is none of it.
  const time = timeAdverbialAt(tokens, first);
  if (time > 0 && first + time <= end) first += time;
  while (first <= end && ARTICLES.has(word(tokens, first))) first++;
  return first <= end ? [first, end] : undefined;
}

/** Heads of a role that the speaker word lists leave out ("the head of the delegation", "the bloc's chief"). */
const HEADS = new Set(['head', 'chief', 'secretary', 'chairman', 'chairwoman', 'director', 'newspapers', 'outlets', 'agencies', 'spokesmen']);

/** Words after which an article stays inside a name ("head of the delegation", "envoy to the UN"). */
const NAME_PREPOSITIONS = new Set(['of', 'to', 'for', 'at', 'in', 'on', 'and', 'by', 'from', 'with']);

/**
 * The possessor phrase ending at `end` ("Washington's", "the ruling party's"): it opens with its article, so in
 * "repeated the ruling party's claim" the verb before "the" is none of it; an article after a preposition stays
 * ("the head of the delegation's").
 */
export function possessorLeft(text: string, tokens: Token[], end: number): [number, number] | undefined {
  const phrase = speakerLeft(text, tokens, end);
  if (!phrase) return undefined;
  for (let m = end - 1; m > phrase[0]; m--) if (ARTICLES.has(word(tokens, m)) && !NAME_PREPOSITIONS.has(word(tokens, m - 1))) return m + 1 <= end ? [m + 1, end] : undefined;
  return phrase;
}

/** The speaker phrase starting at `start` (rightwards, to punctuation or a preposition). */
export function speakerRight(text: string, tokens: Token[], start: number): [number, number] | undefined {
  const head = tokens[start];
  if (head === undefined || head.punct || (SPEAKER_STOPS.has(head.text) && !SPEAKER_PRONOUNS.has(head.text))) return undefined;
  let last = start - 1;
  for (let i = start; i < tokens.length && i - start < 9; i++) {
    const t = tokens[i] as Token;
    if (t.punct && t.text !== '-' && t.text !== "'" && !inAbbreviation(text, tokens, i)) break;
    if (i > start && (TRAILING.has(t.text) || SPEAKER_STOPS.has(t.text)) && !joinsNames(text, tokens, i)) break;
    last = i;
  }
  if (last >= start && closesAbbreviation(tokens, last + 1)) last++; // "said the U.S." keeps its stop
  return last >= start ? [start, last] : undefined;
}

const letter = (t: Token | undefined): boolean => t !== undefined && !t.punct && t.text.length === 1;

/** The full stop at `i` closes an abbreviation: ".", a single letter, "." ("U.S.", "U.N."). */
const closesAbbreviation = (tokens: Token[], i: number): boolean =>
  tokens[i]?.text === '.' && letter(tokens[i - 1]) && tokens[i - 2]?.text === '.';

/**
 * A full stop inside an abbreviation ("U.S.", "U.N."), or closing one before a capitalised word or a speaker's noun
 * ("the U.S. State Department", "the U.N. envoy"): part of a name, not the end of a phrase. A closing stop before
 * any other word ends the name but stays in it ("..., said the U.S. strikes ...": "the U.S." is no inverted speaker).
 */
const inAbbreviation = (text: string, tokens: Token[], i: number): boolean =>
  tokens[i]?.text === '.' && letter(tokens[i - 1]) &&
  (letter(tokens[i + 1]) || (closesAbbreviation(tokens, i) && tokens[i + 1] !== undefined && (capitalised(text, tokens[i + 1] as Token) || SPEAKER_NOUNS.has(word(tokens, i + 1)))));

/** Tokens a..b (at most five) are a name: every one a capitalised word or a hyphen. */
export function isName(text: string, tokens: Token[], a: number, b: number): boolean {
  if (b < a || b - a > 4) return false;
  for (let k = a; k <= b; k++) {
    const t = tokens[k] as Token;
    if (t.punct ? t.text !== '-' : !capitalised(text, t)) return false;
  }
  return true;
}

/** A name set beside a subject, with its article ("Mateusz Morawiecki", "the Daily Mail"). */
export const isAppositiveName = (text: string, tokens: Token[], a: number, b: number): boolean =>
  isName(text, tokens, ARTICLES.has(word(tokens, a)) ? a + 1 : a, b);

/** Words that end no speaker phrase: its head is a noun, not a preposition or a possessor without its noun. */
const NOT_HEADS = new Set('at by to for with of in on from into about against despite over under via his her their our my your'.split(' '));
/**
 * Words that open no speaker phrase (a prepositional phrase or particle: "on Dec. 15", "to appease ..."); "of" may
 * open one cut at its length ("[some] of Mr Trump's supporters in the MAGA movement").
 */
const NOT_OPENERS = new Set('at by to for with in on from into about against despite over under via out'.split(' '));
/** Adverbs that stand alone before a verb and name no one ("sometimes expressing hope ..."). */
const LONE_ADVERBS = new Set('sometimes often always never usually frequently occasionally'.split(' '));

/**
 * Can the token range be a speaker's noun phrase? Not when it ends with a preposition, a possessive determiner or a
 * possessor ("aimed at exposing", "praised Israel's strikes despite his stated ...", "the party's claim"), opens
 * with a preposition, or is a lone adverb: the words before the verb are then no subject of it.
 */
export function nounPhrase(tokens: Token[], [a, b]: [number, number]): boolean {
  const last = word(tokens, b);
  return !NOT_HEADS.has(last) && !last.endsWith("'s") && !NOT_OPENERS.has(word(tokens, a)) && !(a === b && LONE_ADVERBS.has(last));
}

/** The token at `i` closes an abbreviation in parentheses: "(", one token, ")" ("the China Coast Guard (CCG)"). */
export const closesParenthesisedAbbreviation = (tokens: Token[], i: number): boolean => word(tokens, i) === ')' && word(tokens, i - 2) === '(';

/** Tokens from `a` to `b` (exclusive), not counting an abbreviation in parentheses ("the China Coast Guard (CCG)"). */
export function wordsBetween(tokens: Token[], a: number, b: number): number {
  let n = b - a;
  for (let i = a + 3; i < b; i++) if (closesParenthesisedAbbreviation(tokens, i)) n -= 3;
  return n;
}

/**
 * Tokens a parenthesis between a subject and its verb may span: `short` anywhere ("X, on the other hand, portrayed
 * ..."), `long` after a name that opens the sentence ("Trita Parsi, the executive vice president of the Quincy
 * Institute, says ..."; "Trump, in brief remarks to the nation on Saturday evening, said ...").
 */
export const PARENTHESIS = { short: 8, long: 16 } as const;

/**
 * "..., Chen Xiangmiao, a research fellow at the National Institute for South China Sea Studies, told the Global
 * Times.": a name set off by commas, then a description opening with an article, before the comma at `comma`: a
 * long parenthesis is the speaker's description there as after a name that opens the sentence.
 */
export function trailingNamed(text: string, tokens: Token[], comma: number): boolean {
  if (!ARTICLES.has(word(tokens, comma + 1))) return false;
  let m = comma - 1;
  while (m > 0 && comma - m <= 5 && !tokens[m]?.punct) m--;
  return word(tokens, m) === ',' && isName(text, tokens, m + 1, comma - 1);
}

/** Verbs whose object is the one told: no quotative inversion ("..., X told The National": The National hears). */
export const HEARER_VERBS = new Set(['told', 'tells', 'tell']);

/**
 * "'...,' Ali Bakir, a professor at ..., told The National.": in a sentence that opens with a quotation, the speaker
 * is the name right after the closing quotation (before the comma that precedes the verb at `verb`), the quotation is what was said; else undefined.
 */
export function toldAfterQuote(text: string, tokens: Token[], commaBefore: number, verb: number): Found | undefined {
  let q = commaBefore - 1;
  while (q > 0 && commaBefore - q < 24 && !isQuote(tokens[q])) q--;
  // Only a sentence that opens with the quotation: a scare quote inside the sentence ("... borders on 'Kiev
  // brainrot,' media outlets are ...") is no one's words.
  if (!isQuote(tokens[q]) || q < 2 || !isQuote(tokens[0])) return undefined;
  const speaker = speakerRight(text, tokens, q + 1);
  if (!speaker || speaker[1] >= commaBefore) return undefined;
  let end = q - 1;
  while (end >= 0 && tokens[end]?.punct) end--;
  return end >= 0 ? { speaker, content: [[0, end]], cue: 'verb', at: verb } : undefined;
}

/** Tokens from `from` to the end are an audience and adverbials only: a few words, no "that", quote, verb or clause. */
export function onlyAudience(tokens: Token[], from: number): boolean {
  const last = tokens[tokens.length - 1]?.punct ? tokens.length - 2 : tokens.length - 1;
  if (last < from || last - from > 7) return false;
  for (let i = from; i <= last; i++) {
    const w = word(tokens, i);
    if (w === 'that' || isQuote(tokens[i]) || (tokens[i]?.punct && w !== '-' && w !== "'") || (SPEAKER_STOPS.has(w) && w !== 'its')) return false;
  }
  return true;
}

const ISSUE_VERBS = new Set(['issued', 'issues', 'released', 'releases', 'published', 'publishes', 'put', 'sent', 'sends', 'made', 'makes', 'gave', 'delivered', 'posted', 'posts', 'read', 'passed', 'passes', 'adopted', 'adopts', 'approved']);
const ISSUED = new Set(['statement', 'statements', 'announcement', 'communique', 'communiqué', 'report', 'readout', 'note', 'letter', 'message', 'post', 'video', 'notice', 'declaration', 'speech', 'address', 'remarks', 'resolution', 'bill', 'motion']);
const ISSUED_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'another']);

/**
 * End of the speaker in a phrase [first, end] that closes with an issued document ("Iran's foreign ministry issued a
 * statement", "Ghasemi issued an announcement", "the European Parliament passed a resolution"): the token before the
 * verb; else `end`.
 */
function issuerEnd(tokens: Token[], first: number, end: number): number {
  if (!ISSUED.has(word(tokens, end))) return end;
  for (let i = end - 1; i > first; i--) if (ISSUE_VERBS.has(word(tokens, i)) && ISSUED_DETERMINERS.has(word(tokens, i + 1))) return i - 1;
  return end;
}

/**
 * "A foreign ministry spokesperson, Zhao Lijian, said the US ...": a sentence that opens with a role (a phrase with a
 * speaker's noun) and a name set beside it (the comma at `comma` closing the name) opens with its subject.
 */
export function openingApposition(text: string, tokens: Token[], comma: number): boolean {
  let k = comma - 1;
  while (k > 0 && word(tokens, k) !== ',') k--;
  if (k <= 0 || comma - k > 6 || !isAppositiveName(text, tokens, k + 1, comma - 1)) return false;
  let role = false;
  for (let i = 0; i < k; i++) {
    if (tokens[i]?.punct && word(tokens, i) !== '-' && word(tokens, i) !== "'") return false;
    role ||= SPEAKER_NOUNS.has(word(tokens, i)) || ROLE_NOUNS.has(word(tokens, i)) || MEDIA_NOUNS.has(word(tokens, i)) || HEADS.has(word(tokens, i));
  }
  // "The talks failed in Kyiv, Ukraine, said ...": a place set beside a place is no speaker's name.
  return role && k <= PARENTHESIS.short;
}

/** A dash set apart by spaces ("X – who served ... – claimed"), not a hyphen inside a word ("US-led"). */
const spacedDash = (text: string, tokens: Token[], i: number): boolean =>
  word(tokens, i) === '-' && /\s/.test(text.charAt((tokens[i] as Token).start - 1));

/** Tokens a parenthesis between paired dashes may span: both ends are marked, so it may run longer than a comma's. */
const DASHED = 24;

/**
 * "Verhofstadt – who served as prime minister and has been an MEP since 2009 – claimed ...": a parenthesis between
 * dashes stands between the subject and its verb. The index before the opening dash when `j` closes one, else `j`.
 */
export function beforeDashParenthesis(text: string, tokens: Token[], j: number): number {
  if (!spacedDash(text, tokens, j)) return j;
  for (let k = j - 1; k > 0 && j - k <= DASHED; k--) if (spacedDash(text, tokens, k)) return k - 1;
  return j;
}

/**
 * "In his victory speech Lai said ...", "At the summit Chinese Foreign Minister Wang Yi said ...": a subject phrase
 * that opens with a preposition is a fronted adverbial and its subject; the subject is the name at its end, with
 * the roles and titles before it, when a word of neither kind ("speech", "summit") ends the adverbial. Any other
 * phrase comes back as it is.
 */
export function afterOpeningPhrase(text: string, tokens: Token[], subject: [number, number] | undefined): [number, number] | undefined {
  if (!subject || !NOT_OPENERS.has(word(tokens, subject[0])) || !capitalised(text, tokens[subject[1]] as Token)) return subject;
  let first = subject[1];
  while (first - 1 > subject[0] && (capitalised(text, tokens[first - 1] as Token) || inRole(word(tokens, first - 1)))) first--;
  const before = word(tokens, first - 1);
  const adverbialEnds = first - 1 > subject[0] && !tokens[first - 1]?.punct && !NAME_PREPOSITIONS.has(before) && !NOT_HEADS.has(before);
  return adverbialEnds ? [first, subject[1]] : subject;
}

/**
 * The noun phrase that ends a speaker window before a relative's comma: after its last preposition ("a recent essay
 * by Alexander Baunov" -> "Alexander Baunov", "voted in favour of the resolution" -> "the resolution"), but "of"
 * after a role stays inside it ("the head of the delegation"); a subject pronoun and its verb before it are left
 * out ("He met the head of the delegation" -> "the head of the delegation").
 */
export function antecedentPhrase(tokens: Token[], [a, b]: [number, number]): [number, number] {
  for (let k = b - 1; k >= a; k--) {
    const w = word(tokens, k);
    if (!NAME_PREPOSITIONS.has(w) || w === 'and') continue;
    if (w === 'of' && inRole(word(tokens, k - 1))) continue;
    return [k + 1, b];
  }
  // "He met the head of the delegation, who said ...": a subject pronoun and its verb are none of it.
  return SUBJECT_PRONOUNS.has(word(tokens, a)) && a + 2 <= b ? [a + 2, b] : [a, b];
}

const inRole = (w: string): boolean => ROLE_NOUNS.has(w) || SPEAKER_NOUNS.has(w) || HEADS.has(w) || TITLE_WORDS.has(w);

/**
 * "... the Taiwan issue, with Xi calling on the U.S. to ...": the subject of a participle after "with" (an absolute
 * clause) is the words after "with", not the phrase "with" ends.
 */
export function absoluteWith(tokens: Token[], subject: [number, number] | undefined, verb: number): [number, number] | undefined {
  if (!subject || !word(tokens, verb).endsWith('ing')) return subject;
  for (let k = subject[1] - 1; k >= subject[0]; k--) if (word(tokens, k) === 'with') return [k + 1, subject[1]];
  return subject;
}
