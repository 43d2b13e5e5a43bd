// Reporting constructions of one sentence: "X said (that) ...", "..., X said", "according to X", claim nouns
// ("Washington's claims that ..."), and headlines ("Lavrov: ...", "... - Lavrov"). Pure.
import type { Token } from './text.js';
import { CLAIM_NOUNS, claimFrame } from './voice-claims.js';
import { headlineFrame } from './voice-headline.js';
import { EVIDENTIALS, evidentialFrame } from './voice-hearsay.js';
import { mayHold, wordFilter } from './word-filter.js';
import { asPutIt, nounUse } from './voice-verb-use.js';
import { capitalised, closesQuotation, inRanges, isQuote, word, type Found } from './voice-tokens.js';
import { absoluteWith, afterOpeningPhrase, antecedentPhrase, ARTICLES, trailingNamed, closesParenthesisedAbbreviation, HEARER_VERBS, isAppositiveName, isName, nounPhrase, onlyAudience, openingApposition, PARENTHESIS, beforeDashParenthesis, speakerLeft, speakerRight, toldAfterQuote, wordsBetween } from './voice-speaker.js';
import { beforeGoingOn, clauseAfterTime, infinitiveAfterVow, isAdverb, objectAfterAdverbial, thatAfterAdverbial } from './voice-adverbials.js';
import { beforeTimeAdverbials, timeAdverbialAt } from './voice-time.js';
import { AUDIENCES, AUXILIARIES, DETERMINERS, DOCUMENT_NOUNS, SPEAKER_NOUNS, OBJECT_VERBS, REPORTING_VERBS, SOURCE_NOUNS, SPEAKER_PRONOUNS, SUBJECT_PRONOUNS, TELL_VERBS, TRAILING } from './voice-words.js';

/** Where what is said may start after a reporting verb: past an audience ("told reporters", "told the BBC"). */
function contentStart(text: string, tokens: Token[], verb: number): number {
  const end = tokens.length - 1;
  let after = verb + 1;
  while (after <= end && tokens[after]?.punct && !isQuote(tokens[after])) after++;
  const from = after + (DETERMINERS.has(word(tokens, after)) ? 1 : 0);
  const tell = TELL_VERBS.has(word(tokens, verb));
  let [a, plain, named] = [from, from, false];
  while (a <= end && (inName(text, tokens, a, named) || (!tokens[a]?.punct && (AUDIENCES.has(word(tokens, a)) || (tell && capitalised(text, tokens[a] as Token)))))) {
    named ||= !AUDIENCES.has(word(tokens, a));
    if (!named) plain = a + 1;
    a++;
  }
  // A named audience only before "that" or the clause's end ("told Manila to stop": the addressee speaks of no one).
  if (a > from && (!named || a > end || tokens[a]?.punct === true || word(tokens, a) === 'that')) return a;
  return plain > from ? plain : after; // "told reporters NATO was ...": what was said starts at the name
}

/** A slash, hyphen or apostrophe inside a named audience ("told RFE/RL's Georgian Service that"). */
const inName = (text: string, tokens: Token[], a: number, named: boolean): boolean =>
  named && tokens[a]?.punct === true && NAME_JOINERS.has(word(tokens, a)) && tokens[a + 1] !== undefined && capitalised(text, tokens[a + 1] as Token);
const NAME_JOINERS = new Set(['/', '-', "'"]);

/** Words after "..., X said," that start a clause of the author's, not the rest of what X said. */
const NOT_GOING_ON = new Set(['and', 'but', 'as', 'because', 'yet', 'whereas', 'although', 'though', 'so', 'which', 'who', 'where']);

/** Which part of the sentence a reporting verb at `verb` introduces, given its speaker before it. */
function contentOf(text: string, tokens: Token[], verb: number, speaker: [number, number]): Array<[number, number]> {
  const end = tokens.length - 1;
  // "As X said (in his speech at ...), A": what X said is the main clause after the as-clause's comma.
  if (word(tokens, 0) === 'as' && (speaker[0] === 1 || (speaker[0] === 2 && ARTICLES.has(word(tokens, 1))))) {
    for (let k = verb + 1; k < end; k++) if (word(tokens, k) === ',') return [[k + 1, end]];
    return [];
  }
  const after = contentStart(text, tokens, verb);
  const clause = thatAfterAdverbial(text, tokens, after) ?? clauseAfterTime(tokens, after) ?? infinitiveAfterVow(tokens, verb, after);
  if (clause !== undefined && !OBJECT_VERBS.has(word(tokens, verb))) return [[clause, end]];
  // "..., Mr. Sefcovic said as he walked into ...": "as" and a subject pronoun open a clause of time, not what was
  // said ("what he sees as a campaign", "described as 'illegal' the ...": "as" before a noun phrase is predicative).
  const asClause = word(tokens, after) === 'as' && SUBJECT_PRONOUNS.has(word(tokens, after + 1));
  const rest = after <= end && !TRAILING.has(word(tokens, after)) && !asClause && !(tokens[after]?.punct === true && !isQuote(tokens[after]));
  const before = speaker[0] - 1;
  const beforeEnds = before >= 0 && tokens[before]?.punct === true && (word(tokens, before) === ',' || isQuote(tokens[before]));
  // "..., Lavrov has told the daily Izvestia.": a tell verb whose audience ends the sentence reports what is before.
  if (beforeEnds && before > 0 && TELL_VERBS.has(word(tokens, verb)) && onlyAudience(tokens, verb + 1)) return [[0, before - 1]];
  if (OBJECT_VERBS.has(word(tokens, verb)) && rest) return [[verb + 1, clauseEnd(tokens, verb + 1)]];
  // "calls for a response against Israel", "protested against ...": the object after its preposition.
  if (OBJECT_VERBS.has(word(tokens, verb)) && OBJECT_PREPOSITIONS.has(word(tokens, after)) && after < end) return [[after + 1, clauseEnd(tokens, after + 1)]];
  // "X strongly condemned on Friday the Israeli airstrikes": the object comes after a time or place adverbial.
  const object = OBJECT_VERBS.has(word(tokens, verb)) && !verbEndsClause(tokens, verb) ? objectAfterAdverbial(tokens, after) : undefined;
  if (object !== undefined) return [[object, clauseEnd(tokens, object)]];
  // "..., X said, adding ..." / "..., X said on Monday.": the reported part is before the speaker.
  if ((!rest || after > end || verbEndsClause(tokens, verb)) && beforeEnds && before > 0) {
    // "A, X has said, B": a reporting clause set inside the sentence reports both sides of it.
    const next = verb + 2;
    const goesOn = word(tokens, verb + 1) === ',' && next < end && !tokens[next]?.punct && !word(tokens, next).endsWith('ing') && !TRAILING.has(word(tokens, next)) && !NOT_GOING_ON.has(word(tokens, next));
    return goesOn ? [[0, before - 1], [next, end]] : [[0, before - 1]];
  }
  if (rest) return [[after, end]];
  return before > 0 ? [[0, before - 1]] : [];
}

const OBJECT_PREPOSITIONS = new Set(['for', 'against', 'at', 'over', 'on']);

/** Nothing or punctuation right after the verb ("..., X said." / "..., X said, adding"). */
const verbEndsClause = (tokens: Token[], verb: number): boolean => tokens[verb + 1] === undefined || tokens[verb + 1]?.punct === true;

/** Words after a comma that open another clause ("..., while Iran was ..."). */
const CLAUSE_OPENERS = new Set(['while', 'but', 'whereas', 'although', 'though', 'yet', 'and']);

/** Last token of the clause from `from` on: before a semicolon, or a comma that opens another clause. */
function clauseEnd(tokens: Token[], from: number): number {
  for (let i = from; i < tokens.length; i++) {
    const w = word(tokens, i);
    if (w === ';' || (w === ',' && CLAUSE_OPENERS.has(word(tokens, i + 1)))) return Math.max(from, i - 1);
  }
  return tokens.length - 1;
}

const RELATIVES = new Set(['who', 'which']);

/** Forms of "be" (and "get") before a participle: the clause is passive. */
const PASSIVE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'got', 'gets', 'get']);

/**
 * "Iran was condemned (by X) for ...": the subject is what the speaker evaluates, the speaker is the by-agent or
 * nobody named; what follows is not reported speech ("for its brutal crackdown" stays the author's description).
 */
function passiveFrame(text: string, tokens: Token[], verb: number, subjectEnd: number): Found | undefined {
  // "It was alleged that ...", "it is claimed that ...": an impersonal passive reports what follows, no one named.
  if (word(tokens, subjectEnd) === 'it' && word(tokens, verb + 1) === 'that') return { speaker: undefined, content: [[verb + 2, tokens.length - 1]], cue: 'verb', at: verb };
  const subject = speakerLeft(text, tokens, subjectEnd);
  if (!subject) return undefined;
  const by = word(tokens, verb + 1) === 'by' ? speakerRight(text, tokens, verb + 2) : undefined;
  return { speaker: by, content: [subject], cue: 'verb', at: verb, passive: true };
}

/** "X said (that) ...", "..., X said", "..., said X", "X accused Y of ...". */
function verbFrame(text: string, tokens: Token[], i: number): Found | undefined {
  if (word(tokens, i - 1) === 'as') return quotedAsSaying(text, tokens, i);
  let j = beforeGoingOn(tokens, i);
  let passive = false;
  // "is condemning" is progressive, not passive: only a participle in -ed/-en after "be" makes a passive.
  const participle = !word(tokens, i).endsWith('ing');
  while (j >= 0 && (AUXILIARIES.has(word(tokens, j)) || PASSIVE.has(word(tokens, j)) || isAdverb(text, tokens[j]))) {
    if (PASSIVE.has(word(tokens, j)) && participle) passive = true;
    j--;
  }
  // "A spokesperson ... on Tuesday slammed", "Joseph Wu last month said": no part of the speaker.
  j = beforeTimeAdverbials(tokens, j);
  // "the China Coast Guard (CCG) slammed ...": an abbreviation in parentheses stands beside the speaker's name.
  if (closesParenthesisedAbbreviation(tokens, j)) j -= 3;
  j = beforeDashParenthesis(text, tokens, j);
  if (j < 0) return undefined;
  if (passive) return passiveFrame(text, tokens, i, j);
  // "..., its NATO ally, the U.S., who warned that ...", "the resolution, which described ...": the antecedent of a
  // relative set off by a comma speaks.
  const window = RELATIVES.has(word(tokens, j)) && word(tokens, j - 1) === ',' ? speakerLeft(text, tokens, j - 2) : undefined;
  const antecedent = window && antecedentPhrase(tokens, window);
  if (antecedent && nounPhrase(tokens, antecedent)) return { speaker: antecedent, content: contentOf(text, tokens, i, antecedent), cue: 'verb', at: i };
  if (isQuote(tokens[j]) && word(tokens, j - 1) === ',' && !closesQuotation(tokens, j)) j--; // 'appearing on "Fox News Sunday," said'
  const comma = word(tokens, j) === ',';
  if (comma && word(tokens, i).endsWith('ing')) {
    // "..., adding that ...", "..., accusing Manila of ...": the clause's speaker goes on.
    return i + 1 < tokens.length ? { speaker: undefined, content: [[i + 1, tokens.length - 1]], cue: 'verb', at: i, continues: true } : undefined;
  }
  // "'...,' Ali Bakir, a professor at ..., told The National.": "told" takes no quotative inversion (its object is
  // the one told); the speaker is the name right after the quotation.
  if (comma && HEARER_VERBS.has(word(tokens, i))) {
    const told = toldAfterQuote(text, tokens, j, i);
    if (told) return told;
  }
  const next = tokens[i + 1];
  // "..., said the ministry", "..., says an author": an article before the speaker's noun.
  const article = next !== undefined && ARTICLES.has(next.text);
  const head = article ? tokens[i + 2] : next;
  const speakerLike = head !== undefined && !head.punct &&
    (capitalised(text, head) || SOURCE_NOUNS.has(head.text) || (article ? SPEAKER_NOUNS.has(head.text) || DOCUMENT_NOUNS.has(head.text) : SPEAKER_PRONOUNS.has(head.text)));
  // Quotative inversion ("..., said Lavrov") is a verb of saying's: after an evaluative speech act the name is its
  // object ("Chinese media, the Global Times, blamed India for ...").
  const quoted = closesQuotation(tokens, j);
  // "X, the agency's chief, told AFP: ...": "told" takes no quotative inversion (AFP is told, X speaks).
  const inverted = quoted || (comma && speakerLike && !OBJECT_VERBS.has(word(tokens, i)) && !HEARER_VERBS.has(word(tokens, i)) && !openingApposition(text, tokens, j));
  const after = inverted ? speakerRight(text, tokens, i + 1) : undefined;
  // "..., said NATO was hostile" is no inversion: an inverted speaker ends its clause ("..., said Lavrov on Monday").
  const follow = after ? tokens[after[1] + 1] : undefined;
  const endsClause = follow === undefined || follow.punct || TRAILING.has(follow.text) || follow.text === 'who';
  if (inverted && (quoted || endsClause)) {
    if (!after) return undefined;
    let end = j - 1;
    while (end >= 0 && tokens[end]?.punct) end--;
    return end >= 0 ? { speaker: after, content: [[0, end]], cue: 'verb', at: i } : undefined;
  }
  let apposition: number | undefined;
  if (comma) {
    // "X, on the other hand, portrayed ...": the subject stands before the parenthesis (a long one after a name opening the sentence).
    let k = j - 1;
    while (k >= 0 && word(tokens, k) !== ',' && wordsBetween(tokens, k, j) < PARENTHESIS.long) k--;
    if (k <= 0 || word(tokens, k) !== ',' || (wordsBetween(tokens, k, j) >= PARENTHESIS.short && !isName(text, tokens, 0, k - 1) && !trailingNamed(text, tokens, k))) return undefined;
    // "Poland's prime minister, Mateusz Morawiecki, lashed out ...": a name set beside the subject is the speaker's too.
    if (isAppositiveName(text, tokens, k + 1, j - 1)) apposition = j - 1;
    j = k - 1;
  }
  const w = word(tokens, j);
  if (ARTICLES.has(w) || w === 'its' || w === 'their') return undefined; // "the stated goal"
  const subject = afterOpeningPhrase(text, tokens, absoluteWith(tokens, speakerLeft(text, tokens, j), i));
  if (!subject || !nounPhrase(tokens, subject)) return undefined;
  const speaker: [number, number] = apposition === undefined ? subject : [subject[0], apposition];
  return { speaker, content: contentOf(text, tokens, i, speaker), cue: 'verb', at: i };
}

/** "X was quoted (by TASS) as saying ...", "X is cited as saying ...": the subject of "quoted" speaks. */
function quotedAsSaying(text: string, tokens: Token[], i: number): Found | undefined {
  let q = i - 2;
  while (q > 0 && i - q < 8 && !tokens[q]?.punct && word(tokens, q) !== 'quoted' && word(tokens, q) !== 'cited') q--;
  if ((word(tokens, q) !== 'quoted' && word(tokens, q) !== 'cited') || i + 1 >= tokens.length) return undefined;
  // Active "KCNA quoted Kim as saying ...": the one quoted speaks, not the one who quotes; at the sentence's end
  // ("..., KCNA quoted Kim as saying.") what was said comes before the one who quotes.
  if (q + 1 < i - 1 && !PASSIVE.has(word(tokens, q - 1))) {
    const quoted = speakerRight(text, tokens, q + 1);
    if (quoted && quoted[1] < i - 1) {
      if (tokens[i + 1] !== undefined && !tokens[i + 1]?.punct) return { speaker: quoted, content: [[i + 1, tokens.length - 1]], cue: 'verb', at: i };
      const quoter = speakerLeft(text, tokens, q - 1);
      let end = (quoter?.[0] ?? q) - 1;
      while (end >= 0 && tokens[end]?.punct) end--;
      return end >= 0 ? { speaker: quoted, content: [[0, end]], cue: 'verb', at: i } : undefined;
    }
  }
  let j = q - 1;
  while (j >= 0 && (AUXILIARIES.has(word(tokens, j)) || word(tokens, j) === 'been')) j--;
  const speaker = j >= 0 ? speakerLeft(text, tokens, j) : undefined;
  return speaker ? { speaker, content: [[i + 1, tokens.length - 1]], cue: 'verb', at: i } : undefined;
}

/** "according to X, ..." or "..., according to X". */
function accordingFrame(text: string, tokens: Token[], i: number): Found | undefined {
  if (word(tokens, i + 1) !== 'to') return undefined;
  const speaker = speakerRight(text, tokens, i + 2);
  if (!speaker) return undefined;
  const content: Array<[number, number]> = [];
  if (i > 0) content.push([0, i - 1]);
  if (speaker[1] + 1 < tokens.length) content.push([speaker[1] + 1, tokens.length - 1]);
  return { speaker, content, cue: 'according', at: i };
}

/** Every word that can open a reporting construction. */
export const CUE_WORDS = new Set([...REPORTING_VERBS, ...CLAIM_NOUNS, ...EVIDENTIALS, 'according', 'put']);
/** The same words as a filter on token hashes: most tokens are ruled out before any lookup. */
export const CUE_FILTER = wordFilter(CUE_WORDS);

/** Subordinators that open a sentence with a clause of their own ("While Marcos said ..., he ..."). */
const SUBORDINATORS = new Set(['while', 'although', 'though', 'whereas']);

/** The first comma outside quotations of a sentence opening with a subordinator, else no limit. */
function openingClauseEnd(tokens: Token[], quotes: ReadonlyArray<readonly [number, number]>): number {
  if (!SUBORDINATORS.has(word(tokens, 0))) return Infinity;
  for (let i = 1; i < tokens.length - 1; i++) if (word(tokens, i) === ',' && !inRanges(quotes, i)) return i;
  return Infinity;
}

/** Words that join a second clause with its own speaker ("X said ..., while Y said ..."). */
const CLAUSE_JOINS = new Set(['and', 'while', 'but', 'whereas', 'yet']);

/**
 * After a content that runs to the end, a later clause with a speaker of its own ("..., and Putin said ...",
 * "...; France called ..."): the boundary, and the verb whose speaker starts that clause.
 */
function nextSpeakerClause(text: string, tokens: Token[], verb: number, quotes: ReadonlyArray<readonly [number, number]>): { boundary: number; verb: number } | undefined {
  for (let k = verb + 2; k < tokens.length - 2; k++) {
    const w = word(tokens, k);
    if (inRanges(quotes, k) || !(w === ';' || (w === ',' && CLAUSE_JOINS.has(word(tokens, k + 1))))) continue;
    const start = w === ';' ? k + 1 : k + 2;
    for (let v = start + 1; v < tokens.length && v - start < 10 && !tokens[v]?.punct; v++) {
      if (!REPORTING_VERBS.has(word(tokens, v))) continue;
      const f = verbFrame(text, tokens, v);
      const first = f?.speaker?.[0] ?? -1;
      if (f && first >= start && first <= start + 1 + timeAdverbialAt(tokens, start) && (f.speaker?.[1] ?? v) < v) return { boundary: k, verb: v };
      break;
    }
  }
  return undefined;
}

/** Reporting constructions of a sentence, left to right (verb, "according to", claim noun, headline). */
export function findConstructions(text: string, tokens: Token[], quotes: Array<[number, number]>): Found[] {
  const found: Found[] = [];
  const clauseEnd = openingClauseEnd(tokens, quotes);
  for (let i = 0; i < tokens.length; i++) {
    const w = word(tokens, i);
    if (tokens[i]?.punct || !mayHold(CUE_FILTER, (tokens[i] as Token).hash) || inRanges(quotes, i)) continue;
    let f: Found | undefined;
    if ((REPORTING_VERBS.has(w) && !nounUse(tokens, i)) || asPutIt(tokens, i)) f = verbFrame(text, tokens, i);
    else if (w === 'according') f = accordingFrame(text, tokens, i);
    else if (CLAIM_NOUNS.has(w)) f = claimFrame(text, tokens, i);
    else if (EVIDENTIALS.has(w)) {
      // Not a reporting construction: it neither ends the search nor cuts a later speaker's clause.
      const e = evidentialFrame(tokens, i, quotes);
      if (e) found.push(e);
      continue;
    }
    if (f && i < clauseEnd) {
      // "While X said that A, B": what X said ends with the subordinate clause; B is the sentence's own.
      f.content = f.content.map(([a, b]) => (a > i && b > clauseEnd ? [a, clauseEnd - 1] : [a, b]));
    }
    if (f) {
      found.push(f);
      if (!f.content.some(([a, b]) => a > i && b === tokens.length - 1)) continue;
      const next = nextSpeakerClause(text, tokens, i, quotes);
      if (!next) break;
      f.content = f.content.map(([a, b]) => (a > i && b === tokens.length - 1 ? [a, next.boundary - 1] : [a, b]));
      i = next.verb - 1;
    }
  }
  if (found.length === 0) {
    const h = headlineFrame(text, tokens);
    if (h) found.push(h);
  }
  return found;
}

