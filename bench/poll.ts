// Poll-cycle benchmark (issue 3): 1,000 feeds of 50 items on a local server (127.0.0.1 only), polled through the
// real fetcher, poller, refresh job, SQLite store (temp file) and analyser. Three cycles: cold (empty store),
// changed (20% of feeds gain new items, the rest serve identical content with 200), and all-304.
// Feeds sit on 250 host names (a stub resolver maps them to 127.0.0.1), so the per-host limit acts as it would.
// The site runs in a child process (poll-site.ts), as feed servers are not in the poller's process. Figures for
// the main thread alone come from /proc (Linux).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createAnalyser } from '../src/core/analyse.js';
import { DEFAULT_SCHEDULE } from '../src/core/feed-check-schedule.js';
import { createFetcher } from '../src/ingest/index.js';
import { createAnalysisRunner } from '../src/jobs/analysis.js';
import { createPoller, type CycleReport } from '../src/jobs/poller.js';
import type { RefreshDeps } from '../src/jobs/refresh.js';
import { loadAnalyserResources, projectRoot } from '../src/resources.js';
import { createStore, type Store } from '../src/store/index.js';
import { SENTENCES_FILE, startSite } from './poll-site.js';

export interface PollBenchOptions {
  feeds?: number;
  itemsPerFeed?: number;
  /** Share of feeds that gain new items in the "changed" cycle. */
  changedShare?: number;
  hosts?: number;
}

const NEW_ITEMS_PER_CHANGE = 10;
const DAY = 86_400_000;
const silent = pino({ level: 'silent' });

export async function benchPoll(opts: PollBenchOptions = {}): Promise<Record<string, number>> {
  const feeds = opts.feeds ?? 1_000;
  const items = opts.itemsPerFeed ?? 50;
  const hosts = opts.hosts ?? 250;
  const changed = Math.round(feeds * (opts.changedShare ?? 0.2));
  let clock = Date.now();
  const site = await startSite({ feeds, items, epoch: clock - 7 * DAY, newItemsPerChange: NEW_ITEMS_PER_CHANGE, sentencesFile: SENTENCES_FILE(projectRoot()) });
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-poll-'));
  const store = await createStore({ url: `sqlite:${join(dir, 'bench.db')}`, logger: silent, backgroundCheckpointMs: 1_000 });
  const rss = peakRss();
  try {
    await store.migrate();
    const port = new URL(site.origin).port;
    for (let i = 0; i < feeds; i++) {
      const { feed } = await store.addFeed({ url: `http://h${i % hosts}.bench.invalid:${port}/feed/${i}.xml`, nextCheckAt: 0, now: clock });
      await store.subscribe({ guildId: 'bench', feedId: feed.id, channelId: 'c', name: `feed ${i}`, createdBy: 'bench', now: clock });
    }
    const poll = pollerFor(store, () => clock);
    const cold = await timed(() => poll.cycle(() => false));
    clock += DAY;
    await site.bump(Array.from({ length: changed }, (_, i) => Math.floor((i * feeds) / changed)));
    const warm = await timed(() => poll.cycle(() => false));
    clock += DAY;
    await site.conditional();
    const unchanged = await timed(() => poll.cycle(() => false));
    await poll.close();
    return {
      'poll.feeds': feeds,
      'poll.cold_feeds_per_s': rate(cold),
      'poll.cold_cpu_ms_per_feed': cpuMsPerFeed(cold),
      'poll.cold_main_thread_cpu_ms_per_feed': cpuMsPerFeed(cold, cold.mainCpuSeconds),
      'poll.cold_new_articles': cold.report.newArticles,
      'poll.changed20_feeds_per_s': rate(warm),
      'poll.changed20_new_articles': warm.report.newArticles,
      'poll.all304_feeds_per_s': rate(unchanged),
      'poll.all304_cpu_ms_per_feed': cpuMsPerFeed(unchanged),
      'poll.all304_not_modified': unchanged.report.notModified,
      'poll.failed': cold.report.failed + warm.report.failed + unchanged.report.failed,
      'poll.peak_rss_mb': Math.round(rss.stop() / 1048576),
    };
  } finally {
    rss.stop();
    await store.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timed {
  report: CycleReport;
  seconds: number;
  /** Process CPU time (user + system) spent in the cycle: the figure to compare on a busy machine. */
  cpuSeconds: number;
  /** CPU time of the main thread alone (Linux: /proc/self/task), the one that fetches and stores. */
  mainCpuSeconds: number;
}

/** The main thread's CPU time in seconds (utime + stime of /proc/self/task/<pid>/stat); NaN elsewhere. */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function timed(run: () => Promise<CycleReport>): Promise<Timed> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const main = mainThreadCpu();
  const report = await run();
  const used = process.cpuUsage(cpu);
  return { report, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, mainCpuSeconds: mainThreadCpu() - main };
}

const rate = (t: Timed): number => Math.round(t.report.claimed / t.seconds);
const cpuMsPerFeed = (t: Timed, seconds = t.cpuSeconds): number => Math.round((seconds * 10_000) / t.report.claimed) / 10;

/** The production poll settings (config/default.yaml) with the real fetcher, analyser and refresh job. */
function pollerFor(store: Store, now: () => number) {
  const fetcher = createFetcher({
    userAgent: 'Stancewatch-bench', timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5,
    allowPrivateAddresses: true, logger: silent, now, parseInThread: true,
    resolver: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  const resources = loadAnalyserResources();
  const analysis = createAnalysisRunner({
    store, fetcher, base: createAnalyser(resources), modelVersion: 'bench', fullTextConcurrency: 4, now,
    threads: { resources, logger: silent },
  });
  const deps: RefreshDeps = {
    store, fetcher, analysis, logger: silent, now, random: () => 0.5,
    settings: { schedule: DEFAULT_SCHEDULE, maxItemAgeMs: 30 * DAY },
  };
  const poller = createPoller(store, deps, { owner: 'bench', batchSize: 200, leaseMs: 300_000, concurrency: 16, perHostConcurrency: 2 }, silent);
  return { cycle: poller.cycle, close: async () => { await analysis.close(); await fetcher.close(); } };
}

function peakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}
