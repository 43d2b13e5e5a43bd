// Bot start-to-ready time: the real discord.js client with the registry of every command (src/discord/client.ts
// startBot) logging in to the fake Discord on 127.0.0.1 (REST + gateway: HELLO, IDENTIFY, READY, GUILD_CREATE),
// with a real SQLite store and jobs facade behind it. Per run: ms from startBot() to ready, then ms from an
// injected `/actors list` to its answer visible (deferred, store read, edited reply). p50 and max over the runs
// after a warm-up start, whose ready time (first discord.js login in the process) is reported on its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createAnalyser } from '../src/core/analyse.js';
import { startBot } from '../src/discord/client.js';
import { commandModules, commandPayload } from '../src/discord/registry.js';
import { createFetcher } from '../src/ingest/index.js';
import { createJobsApi, type JobsApi } from '../src/jobs/api.js';
import { loadAnalyserResources } from '../src/resources.js';
import { createStore, type Store } from '../src/store/index.js';
import { startFakeDiscord } from '../test/fake-discord/index.js';

const RUNS = 7;
const WARMUP = 1;
const logger = pino({ level: 'silent' });

interface Lap {
  readyMs: number;
  answerMs: number;
}

function jobsFor(store: Store): { jobs: JobsApi; close(): Promise<void> } {
  const analyser = createAnalyser(loadAnalyserResources());
  const fetcher = createFetcher({ userAgent: 'Stancewatch-bench', timeoutMs: 3_000, maxBytes: 1024 * 1024, maxRedirects: 3, allowPrivateAddresses: false, logger });
  const now = (): number => Date.now();
  const jobs = createJobsApi({ store, fetcher, analyser, logger, now, digest: { articlesPerActor: 2, defaultSchedule: '0 8 * * *', defaultTimezone: 'UTC' } });
  return { jobs, close: () => fetcher.close() };
}

/** One cold start of the bot against a fresh fake Discord, and its first command. */
async function lap(store: Store, jobs: JobsApi): Promise<Lap> {
  const fake = await startFakeDiscord({ commands: commandPayload(commandModules), heartbeatIntervalMs: 30_000 });
  const start = performance.now();
  const client = await startBot({
    config: { token: fake.token, applicationId: fake.applicationId, restApi: fake.restUrl },
    deps: { logger, now: Date.now, store, jobs },
    modules: commandModules,
  });
  const readyMs = performance.now() - start;
  try {
    const asked = performance.now();
    const reply = await fake.injectCommand({ name: 'actors', subcommand: 'list', user: 'admin' }).reply(10_000);
    const answerMs = performance.now() - asked;
    if (!reply.embeds.some((e) => e.title === 'Actors')) throw new Error('bot bench: /actors list gave no actor list');
    return { readyMs, answerMs };
  } finally {
    await client.destroy();
    await fake.stop();
  }
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

export async function benchBot(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-bot-'));
  const store = await createStore({ url: `sqlite:${join(dir, 'bot.db')}`, logger });
  const { jobs, close } = jobsFor(store);
  try {
    await store.migrate();
    const all: Lap[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) all.push(await lap(store, jobs));
    const laps = all.slice(WARMUP);
    const ready = laps.map((l) => l.readyMs);
    const answer = laps.map((l) => l.answerMs);
    return {
      'bot.start_to_ready_p50_ms': round(median(ready)), 'bot.start_to_ready_max_ms': round(Math.max(...ready)),
      'bot.first_command_answer_p50_ms': round(median(answer)), 'bot.first_command_answer_max_ms': round(Math.max(...answer)),
      'bot.first_in_process_ready_ms': round(all[0]?.readyMs ?? 0), 'bot.runs': laps.length,
    };
  } finally {
    await close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
