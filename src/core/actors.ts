// Actor registry: surface forms of named actors and a fast mention finder. Pure.
import type { ActorDef } from './types.js';

export interface Mention {
  actor: string;
  /** Character offsets in the sentence, `end` exclusive, possessive included. */
  start: number;
  end: number;
  text: string;
}

export interface ActorRegistry {
  actors: ActorDef[];
  /** All actor mentions in a text, left to right, false hits removed. */
  findMentions(text: string): Mention[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Every capital letter of the form must be a capital in the text ("US" is not "us", "China" not "china"). */
function capitalsAgree(form: string, found: string): boolean {
  const f = form.replace(/\s+/g, ' ');
  const t = found.replace(/\s+/g, ' ');
  if (f.length !== t.length) return false;
  for (let i = 0; i < f.length; i++) {
    const c = f.charAt(i);
    if (c !== c.toLowerCase() && t.charAt(i) !== c) return false;
  }
  return true;
}

interface Form {
  actor: string;
  form: string;
}

function collectForms(actors: ActorDef[]): { forms: Map<string, Form[]>; prefixes: Map<string, Form[]> } {
  const forms = new Map<string, Form[]>();
  const prefixes = new Map<string, Form[]>();
  const add = (map: Map<string, Form[]>, actor: string, form: string): void => {
    const key = form.toLowerCase().replace(/\s+/g, ' ');
    map.set(key, [...(map.get(key) ?? []), { actor, form }]);
  };
  for (const actor of actors) {
    for (const form of [...actor.aliases, ...(actor.demonyms ?? []), ...(actor.metonyms ?? [])]) add(forms, actor.name, form);
    for (const prefix of actor.prefixes ?? []) add(prefixes, actor.name, prefix);
  }
  return { forms, prefixes };
}

const alternation = (keys: Iterable<string>): string =>
  [...keys].sort((a, b) => b.length - a.length).map(escape).join('|');

function buildPattern(forms: Map<string, Form[]>, prefixes: Map<string, Form[]>): RegExp {
  const main = `(?<![\\p{L}\\p{N}.])(${alternation(forms.keys())})(?:'s|'(?!\\p{L}))?(?![\\p{L}\\p{N}]|\\.[\\p{L}])`;
  const pre = prefixes.size > 0 ? `|(?<![\\p{L}\\p{N}])(${alternation(prefixes.keys())})(?=-\\p{L})` : '';
  return new RegExp(main + pre, 'giu');
}

/** One pattern for every actor's exclusions, and which actors each excluded form blocks. */
function buildExcludes(actors: ActorDef[]): { pattern?: RegExp; blocks: Map<string, string[]> } {
  const blocks = new Map<string, string[]>();
  for (const actor of actors) {
    for (const form of actor.exclude ?? []) {
      const key = form.toLowerCase().replace(/\s+/g, ' ');
      blocks.set(key, [...(blocks.get(key) ?? []), actor.name]);
    }
  }
  if (blocks.size === 0) return { blocks };
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(blocks.keys())})(?![\\p{L}\\p{N}])`, 'giu'), blocks };
}

function excludedSpans(text: string, excludes: { pattern?: RegExp; blocks: Map<string, string[]> }): Array<{ actors: string[]; start: number; end: number }> {
  if (!excludes.pattern) return [];
  return [...text.matchAll(excludes.pattern)].map((m) => ({
    actors: excludes.blocks.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? [],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function resolve(match: RegExpMatchArray, forms: Map<string, Form[]>, prefixes: Map<string, Form[]>): Form | undefined {
  const found = (match[1] ?? match[2]) as string;
  const table = match[1] !== undefined ? forms : prefixes;
  const key = found.toLowerCase().replace(/\s+/g, ' ');
  return table.get(key)?.find((f) => capitalsAgree(f.form, found));
}

/** Compiles actor definitions into one case-aware regular expression. */
export function createRegistry(actors: ActorDef[]): ActorRegistry {
  const { forms, prefixes } = collectForms(actors);
  const pattern = buildPattern(forms, prefixes);
  const excludes = buildExcludes(actors);
  const findMentions = (text: string): Mention[] => {
    const mentions: Mention[] = [];
    for (const match of text.matchAll(pattern)) {
      const form = resolve(match, forms, prefixes);
      if (!form) continue;
      const start = match.index ?? 0;
      const end = start + match[0].length;
      mentions.push({ actor: form.actor, start, end, text: match[0] });
    }
    if (mentions.length === 0) return mentions;
    const blocked = excludedSpans(text, excludes);
    return mentions.filter((m) => !blocked.some((b) => b.start < m.end && m.start < b.end && b.actors.includes(m.actor)));
  };
  return { actors, findMentions };
}
