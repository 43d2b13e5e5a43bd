// Server-defined actors and the watched list. A server's actors are used only for its own analysis views;
// names of built-in actors are refused so that no server can redefine an actor for everyone.
import { cleanTitle } from '../core/opml.js';
import { ok, type Result } from '../core/result.js';
import type { GuildActor } from '../store/index.js';
import type { FeedOpsDeps } from './feed-subscriptions.js';
import { failure } from './feeds-errors.js';
import type { ActorCatalog, AddActorRequest, FeedsError, FeedsResult } from './feeds-types.js';

export const ACTOR_LIMITS = { nameChars: 64, aliasChars: 64, aliases: 20, actorsPerServer: 50 } as const;

const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

export async function actorCatalog(deps: FeedOpsDeps, guildId: string): Promise<ActorCatalog> {
  const [custom, watched] = await Promise.all([deps.store.listGuildActors(guildId), deps.store.listWatchedActors(guildId)]);
  return { builtIn: deps.analyser.registry.actors.map((a) => a.name), custom, watched };
}

function validName(raw: string, max: number): string | null {
  const name = cleanTitle(raw, max + 1);
  return name !== null && name.length <= max && /\p{L}/u.test(name) ? name : null;
}

function validate(request: AddActorRequest): Result<{ name: string; aliases: string[] }, FeedsError> {
  const name = validName(request.name, ACTOR_LIMITS.nameChars);
  if (name === null) return failure('INVALID_ACTOR', { detail: `the name needs a letter and at most ${ACTOR_LIMITS.nameChars} characters` });
  const aliases: string[] = [name];
  for (const raw of request.aliases) {
    if (raw.trim() === '') continue;
    const alias = validName(raw, ACTOR_LIMITS.aliasChars);
    if (alias === null) return failure('INVALID_ACTOR', { detail: `each alias needs a letter and at most ${ACTOR_LIMITS.aliasChars} characters` });
    if (!aliases.some((a) => a === alias)) aliases.push(alias);
  }
  if (aliases.length > ACTOR_LIMITS.aliases + 1) return failure('INVALID_ACTOR', { detail: `at most ${ACTOR_LIMITS.aliases} aliases` });
  return ok({ name, aliases });
}

export async function addActor(deps: FeedOpsDeps, request: AddActorRequest): FeedsResult<GuildActor> {
  const valid = validate(request);
  if (!valid.ok) return valid;
  const { name, aliases } = valid.value;
  const catalog = await actorCatalog(deps, request.guildId);
  if (catalog.builtIn.some((b) => sameName(b, name))) return failure('BUILT_IN_ACTOR');
  if (catalog.custom.some((c) => sameName(c.name, name))) return failure('INVALID_ACTOR', { detail: 'this server already has an actor with that name' });
  if (catalog.custom.length >= ACTOR_LIMITS.actorsPerServer) return failure('INVALID_ACTOR', { detail: `a server can define at most ${ACTOR_LIMITS.actorsPerServer} actors` });
  const added = await deps.store.addGuildActor({ guildId: request.guildId, name, kind: request.kind, aliases, createdBy: request.userId, now: deps.now() });
  if (!added.ok) return failure('INVALID_ACTOR', { detail: 'this server already has an actor with that name' });
  deps.logger.info({ guildId: request.guildId, actor: name, aliases: aliases.length }, 'server actor added');
  return ok(added.value);
}

export async function removeActor(deps: FeedOpsDeps, guildId: string, name: string): FeedsResult<string> {
  const custom = await deps.store.listGuildActors(guildId);
  const actor = custom.find((c) => sameName(c.name, name.trim()));
  if (actor === undefined || !(await deps.store.removeGuildActor(guildId, actor.name))) return failure('UNKNOWN_ACTOR');
  await deps.store.unwatchActor(guildId, actor.name);
  deps.logger.info({ guildId, actor: actor.name }, 'server actor removed');
  return ok(actor.name);
}

export async function watchActor(deps: FeedOpsDeps, guildId: string, name: string): FeedsResult<{ actor: string; added: boolean }> {
  const catalog = await actorCatalog(deps, guildId);
  const known = [...catalog.builtIn, ...catalog.custom.map((c) => c.name)];
  const actor = known.find((k) => sameName(k, name.trim()));
  if (actor === undefined) return failure('UNKNOWN_ACTOR');
  const added = await deps.store.watchActor(guildId, actor, deps.now());
  return ok({ actor, added });
}

export async function unwatchActor(deps: FeedOpsDeps, guildId: string, name: string): FeedsResult<string> {
  const watched = await deps.store.listWatchedActors(guildId);
  const actor = watched.find((w) => sameName(w, name.trim()));
  if (actor === undefined || !(await deps.store.unwatchActor(guildId, actor))) {
    return failure('UNKNOWN_ACTOR', {}, 'This server does not watch that actor. See `/actors list`.');
  }
  return ok(actor);
}
