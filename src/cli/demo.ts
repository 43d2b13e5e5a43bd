// `stancewatch demo [--out DIR]`: the offline demo. No network, no token, no configuration: a local feed server
// on 127.0.0.1 serves the bundled sample feeds, a temporary SQLite database stores them for the console server
// ('local'), two poll cycles fetch and analyse them (the first primes each feed with its older items, the second
// finds the newer ones), a clustering pass puts the articles into stories and the biggest one is printed outlet
// by outlet, and the digest of the last 7 days goes through the outbox to `DIR/digest-*.md` plus the chart PNG,
// and is printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino, type Logger } from 'pino';
import { createAnalyser } from '../core/analyse.js';
import { compareStory } from '../core/story-compare.js';
import { DEFAULT_SCHEDULE } from '../core/feed-check-schedule.js';
import { createFetcher, type Fetcher } from '../ingest/index.js';
import { createAnalysisRunner } from '../jobs/analysis.js';
import { composeDigest } from '../jobs/digests.js';
import { deliverOffline, type WrittenItem } from '../jobs/offline-delivery.js';
import { createPoller, type Poller } from '../jobs/poller.js';
import { runStoryClustering } from '../jobs/stories.js';
import { loadAnalyserResources, projectRoot } from '../resources.js';
import { createStore, type Store } from '../store/index.js';
import { loadDemoFeeds, startDemoServer, type DemoServer } from './demo-server.js';
import { EXIT, parseArgs, type CliCommand, type CliIo } from './io.js';
import { formatStory } from './stories.js';

const GUILD = 'local';
const DAY = 86_400_000;
const PERIOD_DAYS = 7;
const OWNER = 'demo';

interface DemoWorld {
  store: Store;
  server: DemoServer;
  fetcher: Fetcher;
  poller: Poller;
  clock: { now: () => number; advance(ms: number): void };
  logger: Logger;
}

async function setUp(start: number, dbDir: string): Promise<DemoWorld> {
  let t = start;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const logger = pino({ level: 'error' }, pino.destination(2));
  const store = await createStore({ url: `sqlite:${join(dbDir, 'demo.db')}`, logger });
  await store.migrate();
  const server = await startDemoServer(loadDemoFeeds(join(projectRoot(), 'demo', 'feeds')), start, PERIOD_DAYS);
  const fetcher = createFetcher({
    userAgent: 'Stancewatch-demo', timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 2,
    allowPrivateAddresses: true, logger, now: clock.now,
  });
  const resources = loadAnalyserResources();
  const analysis = createAnalysisRunner({
    store, fetcher, base: createAnalyser(resources), modelVersion: `demo-stance-v${resources.model.version}`, fullTextConcurrency: 1, now: clock.now,
  });
  const refresh = {
    store, fetcher, analysis, logger, now: clock.now, random: () => 0.5,
    settings: { schedule: DEFAULT_SCHEDULE, maxItemAgeMs: 30 * DAY },
  };
  const poller = createPoller(store, refresh, { owner: OWNER, batchSize: 50, leaseMs: 60_000, concurrency: 4, perHostConcurrency: 4 }, logger);
  return { store, server, fetcher, poller, clock, logger };
}

async function subscribe(w: DemoWorld, io: CliIo): Promise<void> {
  for (const feed of w.server.feeds) {
    const { feed: stored } = await w.store.addFeed({ url: feed.url, nextCheckAt: w.clock.now(), now: w.clock.now() });
    await w.store.subscribe({ guildId: GUILD, feedId: stored.id, channelId: GUILD, name: feed.name, createdBy: 'demo', now: w.clock.now() });
  }
  io.out(`• serving ${w.server.feeds.length} sample feeds on ${w.server.origin} (demo/feeds, written for the project)`);
}

async function poll(w: DemoWorld, io: CliIo, label: string): Promise<void> {
  const report = await w.poller.cycle(() => false);
  io.out(`• ${label}: ${report.claimed} feeds fetched, ${report.newArticles} articles stored and analysed${report.failed ? `, ${report.failed} failed` : ''}`);
}

/** Clusters the stored articles into stories (72 h window, as configured by default) and prints the biggest. */
async function stories(w: DemoWorld, io: CliIo): Promise<boolean> {
  const report = await runStoryClustering({ store: w.store, logger: w.logger, now: w.clock.now, owner: OWNER, windowMs: 72 * 3_600_000 });
  const now = w.clock.now();
  const found = await w.store.storiesForGuild({ guildId: GUILD, from: now - 2 * PERIOD_DAYS * DAY, to: now + 1, limit: 1000 });
  const across = found.filter((s) => s.outletCount > 1);
  io.out(`• stories: ${report.clustered} articles clustered into ${found.length} stories, ${across.length} of them covered by several outlets`);
  const top = across[0];
  if (!top) return false;
  io.out(`\nThe story covered by the most outlets, side by side:\n${formatStory(compareStory(top.id, await w.store.storyMembers(top.id, GUILD)))}\n`);
  return true;
}

async function digest(w: DemoWorld, io: CliIo, outDir: string): Promise<WrittenItem[]> {
  w.clock.advance(60_000); // the digest is built a minute after the last poll: its period includes what was stored
  const to = w.clock.now();
  const period = { from: to - PERIOD_DAYS * DAY, to };
  await w.store.updateGuildSettings(GUILD, { digestChannelId: GUILD }, to);
  const payload = await composeDigest(w.store, GUILD, period, 'UTC', 'manual', { articlesPerActor: 2 });
  await w.store.enqueueDigest({ guildId: GUILD, channelId: GUILD, periodStart: period.from, periodEnd: period.to, payload, now: to });
  io.out(`• digest of the last ${PERIOD_DAYS} days built: ${payload.digest.articles} articles, ${payload.digest.actors.length} actors`);
  const written: WrittenItem[] = [];
  await deliverOffline({ store: w.store, logger: w.logger, now: w.clock.now, owner: OWNER, outputDir: outDir, onWritten: (item) => written.push(item) });
  return written;
}

async function runDemo(io: CliIo, outDir: string): Promise<number> {
  const dbDir = mkdtempSync(join(tmpdir(), 'stancewatch-demo-'));
  const w = await setUp(Date.now(), dbDir);
  try {
    await subscribe(w, io);
    await poll(w, io, `poll 1 (articles older than ${PERIOD_DAYS} days: primes the feeds, stored as backlog)`);
    w.server.release();
    w.clock.advance(2 * 3_600_000);
    await poll(w, io, 'poll 2 (two hours later: the newer articles appear)');
    const story = await stories(w, io);
    const written = await digest(w, io, outDir);
    for (const item of written) io.out(`\n${item.markdown}`);
    for (const file of written.flatMap((item) => item.files)) io.out(`• wrote ${file}`);
    return story && written.some((item) => item.kind === 'digest') ? EXIT.ok : EXIT.failure;
  } finally {
    await w.fetcher.close();
    await w.server.close();
    await w.store.close();
    rmSync(dbDir, { recursive: true, force: true });
  }
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['out'], []);
  if (typeof parsed === 'string' || parsed.positionals.length > 0) {
    io.err(`stancewatch demo: ${typeof parsed === 'string' ? parsed : `unexpected argument ${parsed.positionals[0]}`}\nUsage: stancewatch demo [--out DIR]`);
    return EXIT.usage;
  }
  const out = parsed.flags.get('out');
  const outDir = resolve(typeof out === 'string' ? out : 'out');
  io.out(`Stancewatch demo: offline, sample feeds -> analysis -> stories -> digest (output: ${outDir})`);
  return runDemo(io, outDir);
};
