// Migration 007: a database written before it counted an article linked to two feeds once under each feed's
// daily rows; after it, the stored articles of several feeds count once per server, the others as before.
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, parseDatabaseUrl } from '../../src/store/db.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { createStore, type Store } from '../../src/store/index.js';
import { DAY, article } from './fixtures.js';
import { engines, logger, subscribedFeed } from './harness.js';

for (const engine of engines()) {
  describe(`migration 007_shared_daily [${engine.name}]`, () => {
    const cleanup: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const c of cleanup.splice(0).reverse()) await c();
    });

    it('moves the stored articles of several feeds from each feed\'s daily rows to their feed set', async () => {
      const { url, pgSchema, dispose } = await engine.setup();
      cleanup.push(dispose);
      const target = parseDatabaseUrl(url);
      if (!target.ok) throw new Error(target.error);
      const opened = openDb(target.value, logger, pgSchema === undefined ? {} : { pgSchema });
      cleanup.push(() => opened.close());
      const { db } = opened;
      if (pgSchema !== undefined) await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(db);
      const migrator = new Migrator({ db, provider: migrationProvider(opened.dialect), ...(pgSchema === undefined ? {} : { migrationTableSchema: pgSchema }) });
      expect((await migrator.migrateTo('006_pending_partial')).error).toBeUndefined();

      const store: Store = await createStore({ url, logger, ...(pgSchema === undefined ? {} : { pgSchema }) });
      cleanup.push(() => store.close());
      const f1 = (await subscribedFeed(store, 'https://f1.example/', 'A')).feed.id;
      const f2 = (await subscribedFeed(store, 'https://f2.example/', 'A')).feed.id;
      await store.subscribe({ guildId: 'B', feedId: f2, channelId: 'c', name: 'f2', createdBy: 'u', now: 0 });
      await store.insertArticles(f1, [article('both', DAY + 1, 'Herald'), article('one', DAY + 2, 'Herald')], { eligible: true, now: 2 * DAY });
      await store.insertArticles(f2, [article('both', DAY + 1, 'Herald')], { eligible: true, now: 2 * DAY });
      // The analyses and the daily rows as the code before 007 wrote them: 'both' once under each of its feeds.
      const analysis = (id: string) => ({
        article_id: id, language: 'en', supported: 1, sentiment_score: 0, comparative: 0, positive_pct: 0, negative_pct: 0,
        polarity: 0, tone: 0, word_count: 10, framing: JSON.stringify({ threat: 2 }), model_version: 'v', analysed_at: 1,
      });
      await db.insertInto('article_analysis').values([analysis('both'), analysis('one')]).execute();
      const score = (id: string, value: number) => ({ article_id: id, actor: 'NATO', score: value, label: value < 0 ? 'negative' : 'positive', confidence: 1, mentions: 1, evidence: '[]', published_at: DAY + 1, outlet: 'Herald' });
      await db.insertInto('actor_scores').values([score('both', -0.5), score('one', 0.3)]).execute();
      await db.updateTable('articles').set({ analysed: 1 }).execute();
      const daily = (feedId: number, n: number, sum: number, negative: number, positive: number) => ({ feed_id: feedId, day: DAY, actor: 'NATO', outlet: 'Herald', n, score_sum: sum, negative, neutral: 0, positive });
      await db.insertInto('actor_daily').values([daily(f1, 2, -0.2, 1, 1), daily(f2, 1, -0.5, 1, 0)]).execute();
      await db.insertInto('framing_daily').values([{ feed_id: f1, day: DAY, term: 'threat', count: 4 }, { feed_id: f2, day: DAY, term: 'threat', count: 2 }]).execute();
      const nato = async (guildId: string) => (await store.dailyActorStats({ guildId, from: 0, to: 3 * DAY })).map((s) => [s.n, s.negative, s.positive, Number(s.meanScore.toFixed(9))]);
      const before = await db.selectFrom('actor_daily').select(sql<number>`sum(n)`.as('n')).executeTakeFirst();
      expect(Number(before?.n)).toBe(3);

      expect((await store.migrate())[0]).toBe('007_shared_daily');
      expect(await nato('A')).toEqual([[2, 1, 1, -0.1]]);
      expect(await nato('B')).toEqual([[1, 1, 0, -0.5]]);
      expect(await store.dailyFramingCounts({ guildId: 'A', from: 0, to: 3 * DAY })).toEqual({ threat: 4 });
      expect(await store.dailyFramingCounts({ guildId: 'B', from: 0, to: 3 * DAY })).toEqual({ threat: 2 });
    });
  });
}
