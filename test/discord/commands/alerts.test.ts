// /alerts through the real discord.js client against the fake Discord: the confirmation of /alerts add says
// when the rule is checked and when it fires (as src/jobs/alerts.ts runs it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPHEMERAL, startWorld, type World } from './world.js';

describe('/alerts against the fake Discord with a real store', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w.stop());

  it('confirms a stance rule with when it is checked and when it fires', async () => {
    const handle = w.h.fake.injectCommand({
      name: 'alerts', group: 'add', subcommand: 'stance', user: 'admin',
      options: { actor: 'NATO', direction: 'below', threshold: -0.3, window: '24h', min_articles: 2 },
    });
    expect(await handle.callback()).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const lines = (await handle.reply()).content.split('\n');
    expect(lines[0]).toBe('✅ Alert rule added.');
    expect(lines[1]).toContain('stance toward NATO below −0.30');
    expect(lines[2]).toBe('Rules are checked after every feed poll; the mean over the window is judged at the top of every hour (UTC). '
      + 'It fires when the mean crosses the threshold (or is past it the first time the window holds at least 2 articles), '
      + 'and again only after it has gone back and crossed again. A mean already past the threshold when the rule is added waits for that.');
    expect((await w.store.listAlertRules(w.guildA)).map((r) => r.params)).toEqual([{ direction: 'below', threshold: -0.3, windowMs: 86_400_000, minArticles: 2 }]);
  });

  it('confirms article and volume rules with their own timing', async () => {
    const article = await w.h.fake.injectCommand({
      name: 'alerts', group: 'add', subcommand: 'article', user: 'admin', options: { actor: 'Russia', direction: 'negative' },
    }).reply();
    expect(article.content).toContain('\nRules are checked after every feed poll: each newly analysed article that matches posts one alert.');
    const volume = await w.h.fake.injectCommand({
      name: 'alerts', group: 'add', subcommand: 'volume', user: 'admin', options: { actor: 'China', window: '6h' },
    }).reply();
    expect(volume.content).toContain('\nRules are checked after every feed poll; the mentions in the window are counted at the top of every hour (UTC).');
  });
});
