import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../../src/discord/client.js';
import type { BotDeps } from '../../src/discord/deps.js';
import { startFakeDiscord } from '../fake-discord/index.js';
import type { FakeDiscord } from '../fake-discord/index.js';
import { memoryLogger } from './helpers.js';

describe('startBot', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => fake?.stop());

  it('rejects a refused token without leaving a gateway connection open', async () => {
    fake = await startFakeDiscord();
    const { logger } = memoryLogger();
    const bot = startBot({
      config: { token: 'not-the-token', applicationId: fake.applicationId, restApi: fake.restUrl },
      deps: { logger, now: () => Date.now() } as BotDeps, modules: [],
    });
    await expect(bot).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(fake.gateway.connections).toBe(0);
    expect(fake.requestsTo('GET /gateway/bot').map((r) => r.status)).toEqual([401]);
  });
});
