// Retention: old articles (and, by cascade, their feed links, analyses, scores, voices and story memberships)
// are deleted in batches, each in its own short transaction, then the stories whose last article went with them.
// actor_daily and framing_daily are kept.
import type { StoreContext } from './context.js';

export async function pruneOlderThan(ctx: StoreContext, cutoff: number, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await ctx.tx(async (trx) => {
      const ids = await trx.selectFrom('articles').select('id').where('published_at', '<', cutoff).orderBy('published_at').limit(batchSize).execute();
      if (ids.length === 0) return 0;
      const result = await trx
        .deleteFrom('articles')
        .where(
          'id',
          'in',
          ids.map((r) => r.id),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
    total += deleted;
    if (deleted < batchSize) break;
  }
  await ctx.run((d) => d.deleteFrom('stories').where('last_published_at', '<', cutoff).execute());
  return total;
}
