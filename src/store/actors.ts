// ActorStore: server-defined actors and the actors a server watches. Scoped to one guild.
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import type { ActorDef, ActorKind } from '../core/types.js';
import type { StoreContext } from './context.js';
import { parseJson } from './context.js';
import type { GuildActor } from './types.js';

export interface NewGuildActor {
  guildId: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  createdBy: string;
  now: number;
}

export interface ActorStore {
  addGuildActor(actor: NewGuildActor): Promise<Result<GuildActor, 'duplicate'>>;
  removeGuildActor(guildId: string, name: string): Promise<boolean>;
  listGuildActors(guildId: string): Promise<GuildActor[]>;
  /** Every server-defined actor of every server (the analyser scores them all; summaries filter per server). */
  listAllGuildActors(): Promise<ActorDef[]>;
  /** true when newly watched, false when it already was. */
  watchActor(guildId: string, actor: string, now: number): Promise<boolean>;
  unwatchActor(guildId: string, actor: string): Promise<boolean>;
  listWatchedActors(guildId: string): Promise<string[]>;
}

export function actorStore(ctx: StoreContext): ActorStore {
  const { db } = ctx;
  return {
    async addGuildActor(a) {
      const row = await ctx.run((d) =>
        d
          .insertInto('guild_actors')
          .values({
            guild_id: a.guildId,
            name: a.name,
            kind: a.kind,
            aliases: JSON.stringify(a.aliases),
            created_by: a.createdBy,
            created_at: a.now,
          })
          .onConflict((oc) => oc.columns(['guild_id', 'name']).doNothing())
          .returningAll()
          .executeTakeFirst(),
      );
      if (!row) return err('duplicate');
      return ok({ id: row.id, guildId: row.guild_id, name: row.name, kind: a.kind, aliases: a.aliases, createdBy: row.created_by, createdAt: row.created_at });
    },
    async removeGuildActor(guildId, name) {
      const result = await ctx.run((d) => d.deleteFrom('guild_actors').where('guild_id', '=', guildId).where('name', '=', name).executeTakeFirst());
      return Number(result.numDeletedRows) > 0;
    },
    async listGuildActors(guildId) {
      const rows = await db.selectFrom('guild_actors').selectAll().where('guild_id', '=', guildId).orderBy('name').execute();
      return rows.map((r) => ({
        id: r.id,
        guildId: r.guild_id,
        name: r.name,
        kind: r.kind as ActorKind,
        aliases: parseJson<string[]>(r.aliases, []),
        createdBy: r.created_by,
        createdAt: r.created_at,
      }));
    },
    async listAllGuildActors() {
      const rows = await db.selectFrom('guild_actors').select(['name', 'kind', 'aliases']).orderBy('name').orderBy('guild_id').execute();
      return rows.map((r) => ({ name: r.name, kind: r.kind as ActorKind, aliases: parseJson<string[]>(r.aliases, []) }));
    },
    async watchActor(guildId, actor, now) {
      const row = await ctx.run((d) =>
        d
          .insertInto('watched_actors')
          .values({ guild_id: guildId, actor, created_at: now })
          .onConflict((oc) => oc.columns(['guild_id', 'actor']).doNothing())
          .returning('actor')
          .executeTakeFirst(),
      );
      return row !== undefined;
    },
    async unwatchActor(guildId, actor) {
      const result = await ctx.run((d) => d.deleteFrom('watched_actors').where('guild_id', '=', guildId).where('actor', '=', actor).executeTakeFirst());
      return Number(result.numDeletedRows) > 0;
    },
    async listWatchedActors(guildId) {
      const rows = await db.selectFrom('watched_actors').select('actor').where('guild_id', '=', guildId).orderBy('actor').execute();
      return rows.map((r) => r.actor);
    },
  };
}
