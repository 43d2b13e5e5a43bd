// Whom a speaker speaks for: officials and spokespeople an actor lists as its `speakers` ("Lavrov" -> Russia,
// "Wang Wenbin" -> China), and the country a person actor leads (`speaksFor`: Vladimir Putin -> Russia). The
// author-stance guideline records such a speaker's actor as the one they speak for; a source speaking of its own
// side defends it (see stance.ts). Pure.
import { tokenize } from './tokens.js';
import type { Token } from './text.js';
import type { ActorDef } from './types.js';

export interface SpeakerSides {
  /** A listed speaker's name as lower-case tokens joined by spaces -> the actor. */
  names: ReadonlyMap<string, string>;
  /** The longest listed name, in tokens. */
  longest: number;
  /** A person actor -> the actor it speaks for. */
  persons: ReadonlyMap<string, string>;
}

export const NO_SIDES: SpeakerSides = { names: new Map(), longest: 0, persons: new Map() };

const key = (name: string): string[] => tokenize(name).map((t) => t.text);

export function speakerSides(actors: readonly ActorDef[]): SpeakerSides {
  const names = new Map<string, string>();
  const persons = new Map<string, string>();
  let longest = 0;
  for (const actor of actors) {
    for (const name of actor.speakers ?? []) {
      const words = key(name);
      longest = Math.max(longest, words.length);
      names.set(words.join(' '), actor.name);
    }
    if (actor.speaksFor) persons.set(actor.name, actor.speaksFor);
  }
  return { names, longest, persons };
}

/** The actor of a listed speaker named in the token range [a, b] (the longest name found), else undefined. */
export function listedSide(tokens: Token[], a: number, b: number, sides: SpeakerSides): string | undefined {
  if (sides.names.size === 0) return undefined;
  for (let n = Math.min(sides.longest, b - a + 1); n >= 1; n--) {
    for (let i = a; i + n - 1 <= b; i++) {
      let name = (tokens[i] as Token).text;
      for (let k = i + 1; k < i + n; k++) name += ` ${(tokens[k] as Token).text}`;
      const actor = sides.names.get(name) ?? (name.endsWith("'s") ? sides.names.get(name.slice(0, -2)) : undefined);
      if (actor) return actor;
    }
  }
  return undefined;
}

/** The actor a speaker actor speaks for: a person actor's country, else the actor itself. */
export const sideOf = (sides: SpeakerSides, speakerActor: string | undefined): string | undefined =>
  speakerActor === undefined ? undefined : sides.persons.get(speakerActor) ?? speakerActor;
