// Actor registry: surface forms of named actors and a fast mention finder (one scan over word starts). Pure.
import { gateOf } from './actor-gate.js';
import { governmentForms } from './government-forms.js';
import { alnumAt } from './text.js';
import type { ActorDef } from './types.js';
import { mayHold, wordFilter, type WordFilter } from './word-filter.js';

export interface Mention {
  actor: string;
  /** Character offsets in the sentence, `end` exclusive, possessive included. */
  start: number;
  end: number;
  text: string;
}

export interface ActorRegistry {
  actors: ActorDef[];
  /** Actor mentions in a text, left to right, false hits removed; with `named` (actors the article named before), also
   * their anaphors ("the North") where no other mention covers them. */
  findMentions(text: string, named?: ReadonlySet<string>): Mention[];
}

/** A surface form, keyed by its first run of letters/digits ("u" for "U.S.", "the" for "the Kremlin"). */
interface Form {
  actors: string[];
  /** The form as written (capitals matter) and lower-cased with single spaces. */
  written: string[];
  /** Per written form: the offsets of its capitals (see `capitalsAgree`). */
  capitals: number[][];
  lower: string;
  /** Combining form: counts only before a hyphen and a letter (Sino-Russian). */
  prefix: boolean;
}

type FormTable = Map<string, Form[]>;

const squeeze = (s: string): string => s.replace(/\s+/g, ' ');

function firstRun(lower: string): string {
  let j = 0;
  while (j < lower.length && alnumAt(lower, j) > 0) j++;
  return lower.slice(0, j);
}

function addForm(table: FormTable, actor: string, written: string, prefix: boolean): void {
  const lower = squeeze(written.toLowerCase());
  const key = firstRun(lower);
  const list = table.get(key) ?? [];
  const found = list.find((f) => f.lower === lower && f.prefix === prefix);
  const as = squeeze(written);
  if (found) {
    found.actors.push(actor);
    found.written.push(as);
    found.capitals.push(capitalsOf(as));
  } else list.push({ actors: [actor], written: [as], capitals: [capitalsOf(as)], lower, prefix });
  list.sort((a, b) => b.lower.length - a.lower.length);
  table.set(key, list);
}

/** Offsets of the characters (code units) of a written form that lower-casing changes: its capitals. */
function capitalsOf(written: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < written.length; i++) if (written.charAt(i) !== written.charAt(i).toLowerCase()) out.push(i);
  return out;
}

/**
 * Every capital letter of the form (`capitals`, its offsets) must be a capital in the text at `start` ("US" is not
 * "us", "China" not "china").
 */
function capitalsAgree(written: string, capitals: number[], text: string, start: number, length: number): boolean {
  for (const i of capitals) if (i >= length || text.charCodeAt(start + i) !== written.charCodeAt(i)) return false;
  return true;
}

/**
 * Does `source` hold `lower` (a lower-case form) at `start`? `source` is the text lower-cased in place, or an ASCII
 * text as it is: ASCII capitals compare as their lower case (the lower-cased text has none).
 */
function holdsAt(source: string, start: number, lower: string): boolean {
  if (start + lower.length > source.length) return false;
  for (let k = 0; k < lower.length; k++) {
    const c = source.charCodeAt(start + k);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== lower.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * End of a mention of `form` at `start`, possessive included, or -1 when the text does not hold it there.
 * `lower`: see `holdsAt`.
 */
function matchAt(text: string, lower: string, start: number, form: Form): number {
  const end = start + form.lower.length;
  if (!holdsAt(lower, start, form.lower)) return -1;
  if (form.prefix) return text.charCodeAt(end) === 45 && alnumAt(text, end + 1) > 0 ? end : -1;
  let stop = end;
  if (text.charCodeAt(end) === 39) {
    if ((text.charAt(end + 1) === 's' || text.charAt(end + 1) === 'S') && alnumAt(text, end + 2) === 0) stop = end + 2;
    else if (alnumAt(text, end + 1) === 0) stop = end + 1;
  }
  if (alnumAt(text, stop) > 0) return -1;
  if (text.charCodeAt(stop) === 46 && alnumAt(text, stop + 1) > 0) return -1;
  return stop;
}

/** The mention of one of `candidates` (longest first) at `start`, if the text holds one there. */
function mentionAt(text: string, lower: string, start: number, candidates: Form[]): Mention | undefined {
  for (const form of candidates) {
    const end = matchAt(text, lower, start, form);
    if (end < 0) continue;
    // The text holds the form's lower case there, single spaces included: it is compared as it is.
    for (let k = 0; k < form.written.length; k++) {
      if (capitalsAgree(form.written[k] as string, form.capitals[k] as number[], text, start, form.lower.length)) return { actor: form.actors[k] as string, start, end, text: text.slice(start, end) };
    }
  }
  return undefined;
}

interface Blocked {
  actors: string[];
  start: number;
  end: number;
}

function excludedAt(text: string, lower: string, start: number, candidates: Form[], out: Blocked[]): void {
  for (const form of candidates) {
    const end = start + form.lower.length;
    if (holdsAt(lower, start, form.lower) && alnumAt(text, end) === 0) out.push({ actors: form.actors, start, end });
  }
}

/** Lower case with one code unit per code unit (a character whose lower case is longer is kept). */
function lowerInPlace(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[A-Z]|[^\x00-\x7f]/g, (c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c));
}

const isAsciiAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** Length of the letter or digit at `i` (ASCII inline, the rest through `alnumAt`), 0 when it is neither. */
const alnumLength = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  return c < 0x80 ? (isAsciiAlnum(c) ? 1 : 0) : alnumAt(text, i);
};

/** End of the run of letters/digits that starts at `i`. */
function runEnd(text: string, i: number): number {
  let j = i;
  for (let n = alnumLength(text, j); n > 0; n = alnumLength(text, j)) j += n;
  return j;
}

/**
 * Looks up the run [i, end) and records an excluded span or a mention starting there. `lower`: see `holdsAt`;
 * `key`: the run in lower case.
 */
function lookUp(text: string, lower: string, i: number, key: string, tables: Tables, found: Found): void {
  const excluded = tables.excludes.get(key);
  if (excluded) excludedAt(text, lower, i, excluded, found.blocked);
  const candidates = i >= found.free ? tables.forms.get(key) : undefined;
  const mention = candidates && mentionAt(text, lower, i, candidates);
  if (mention) {
    found.mentions.push(mention);
    found.free = mention.end;
  }
}

interface Found {
  mentions: Mention[];
  blocked: Blocked[];
  /** Mentions do not overlap: the next one starts at or after this offset. */
  free: number;
}

/**
 * One pass over the runs of letters/digits: mentions (non-overlapping) and excluded spans. A run that starts
 * with a lower-case ASCII letter is looked up only if it is the first word of a form written in lower case
 * ("the Kremlin"); a run right after a period ("S" of "U.S.") is not looked up.
 */
function scan(text: string, tables: Tables): Found {
  const found: Found = { mentions: [], blocked: [], free: 0 };
  if (!NON_ASCII.test(text)) return scanAscii(text, tables, found);
  const lower = lowerInPlace(text);
  let i = 0;
  while (i < text.length) {
    if (alnumLength(text, i) === 0) {
      i++;
      continue;
    }
    const end = runEnd(text, i);
    const c = text.charCodeAt(i);
    const lowerStart = c >= 97 && c <= 122;
    const skip = text.charCodeAt(i - 1) === 46 || (lowerStart && !(tables.lowerFirst.has(c) && tables.lowerWords.has(lower.slice(i, end))));
    if (!skip) lookUp(text, lower, i, lower.slice(i, end), tables, found);
    i = end;
  }
  return found;
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** `fnv1a` of the ASCII lower case of text[start, end), without building that string. */
function lowerHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
  return h | 0;
}

/**
 * The same scan for ASCII text: a regex finds the runs worth looking up (capital or digit first, or a lower-case
 * first word); a run whose hash the filter of table keys rules out (most capitalised words name no actor) is not
 * cut out or looked up. The text is compared as it is (see `holdsAt`), not lower-cased.
 */
function scanAscii(text: string, tables: Tables, found: Found): Found {
  const starts = tables.asciiStarts;
  starts.lastIndex = 0;
  // `test` moves lastIndex to the end of the match without building a match array; a match is always a whole
  // run (the pattern's lookbehind and greedy tail), so its start is found by stepping back over the run.
  while (starts.test(text)) {
    const end = starts.lastIndex;
    let i = end;
    while (i > 0 && isAsciiAlnum(text.charCodeAt(i - 1))) i--;
    if (text.charCodeAt(i - 1) !== 46 && mayHold(tables.keyFilter, lowerHash(text, i, end))) lookUp(text, text, i, text.slice(i, end).toLowerCase(), tables, found);
  }
  return found;
}

/** Runs of an ASCII text that can start a form: a capital or digit first, or one of `lowerWords`. */
function asciiStarts(lowerWords: Set<string>): RegExp {
  const words = [...lowerWords].filter((w) => /^[a-z0-9]+$/.test(w));
  const lowerRun = words.length > 0 ? `|(?:${words.join('|')})(?![A-Za-z0-9])` : '';
  return new RegExp(`(?<![A-Za-z0-9])(?:[A-Z0-9][A-Za-z0-9]*${lowerRun})`, 'g');
}

interface Tables {
  /** See `asciiStarts` (global: its lastIndex is reset by every scan). */
  asciiStarts: RegExp;
  forms: FormTable;
  excludes: FormTable;
  /** First words of the forms written with a lower-case first letter ("the" of "the Kremlin"). */
  lowerWords: Set<string>;
  /** Their first characters (char codes), checked before slicing a lower-case run. */
  lowerFirst: Set<number>;
  /** The keys of `forms` and `excludes` as a filter on their FNV-1a hashes (`scanAscii`). */
  keyFilter: WordFilter;
}

function lowerStarts(tables: FormTable[]): Set<string> {
  const out = new Set<string>();
  for (const table of tables) for (const [key, list] of table) for (const f of list) for (const w of f.written) {
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122) out.add(key);
  }
  return out;
}

/** Compiles actor definitions into form tables keyed by first word. */
export function createRegistry(actors: ActorDef[]): ActorRegistry {
  const forms: FormTable = new Map();
  const excludes: FormTable = new Map();
  const anaphors: FormTable = new Map();
  for (const actor of actors) {
    for (const form of [...actor.aliases, ...(actor.demonyms ?? []), ...(actor.metonyms ?? []), ...governmentForms(actor.governments ?? [])]) addForm(forms, actor.name, form, false);
    for (const prefix of actor.prefixes ?? []) addForm(forms, actor.name, prefix, true);
    for (const form of actor.exclude ?? []) addForm(excludes, actor.name, form, false);
    for (const form of actor.anaphors ?? []) addForm(anaphors, actor.name, form, false);
  }
  const tables = tablesOf(forms, excludes);
  // Most sentences hold no anaphor at all: one case-blind test of every form rules them out before a second scan.
  const anaphor = anaphors.size > 0 ? { tables: tablesOf(anaphors, excludes), gate: gateOf(actors.flatMap((a) => a.anaphors ?? [])) } : undefined;
  const findMentions = (text: string, named?: ReadonlySet<string>): Mention[] => {
    const mentions = unblocked(scan(text, tables));
    if (!anaphor || !named || named.size === 0 || !anaphor.gate.test(text)) return mentions;
    // An anaphor that starts a longer name ("the North Atlantic Treaty Organization") is none; a demonym inside it
    // ("the Russian president") stays a mention of its own.
    const extra = unblocked(scan(text, anaphor.tables)).filter((a) => named.has(a.actor) && !mentions.some((m) => m.start < a.end && a.start < m.end && (m.end > a.end || m.start < a.start || m.actor === a.actor)));
    return extra.length === 0 ? mentions : [...mentions, ...extra].sort((a, b) => a.start - b.start);
  };
  return { actors, findMentions };
}

function tablesOf(forms: FormTable, excludes: FormTable): Tables {
  const lowerWords = lowerStarts([forms, excludes]);
  const lowerFirst = new Set([...lowerWords].map((w) => w.charCodeAt(0)));
  return { forms, excludes, lowerWords, lowerFirst, asciiStarts: asciiStarts(lowerWords), keyFilter: wordFilter([...forms.keys(), ...excludes.keys()]) };
}

/** The mentions of a scan that no exclusion of their actor covers. */
const unblocked = ({ mentions, blocked }: Found): Mention[] =>
  blocked.length === 0 ? mentions : mentions.filter((m) => !blocked.some((b) => b.start < m.end && m.start < b.end && b.actors.includes(m.actor)));
