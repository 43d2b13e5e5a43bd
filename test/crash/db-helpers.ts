// Helpers for the database-trouble and crash suites: a SQLite write-lock holder in another process, a
// PostgreSQL row-lock holder on another connection, and the "nothing half-written" invariants of the schema.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import pg from 'pg';
import { REPO_ROOT } from '../helpers/spawn-cli.js';

/** Runs one SQL query that returns a single `n` column. */
export type CountQuery = (sql: string) => Promise<number>;

/**
 * The invariants a crash or a database failure must never break: an analysis exists exactly for the articles
 * marked analysed, no score without its analysis, daily aggregates equal to the scores they summarise,
 * no article stored twice for one link.
 */
export async function halfWritten(count: CountQuery): Promise<Record<string, number>> {
  return {
    analysedWithoutAnalysis: await count('select count(*) as n from articles a where a.analysed = 1 and not exists (select 1 from article_analysis x where x.article_id = a.id)'),
    analysisOfUnanalysed: await count('select count(*) as n from articles a where a.analysed = 0 and exists (select 1 from article_analysis x where x.article_id = a.id)'),
    orphanScores: await count('select count(*) as n from actor_scores s where not exists (select 1 from article_analysis x where x.article_id = s.article_id)'),
    // Each linked article's scores count once: under its feed, or under its feed set when several feeds have it.
    dailyMismatch: Math.abs(
      (await count('select coalesce(sum(n), 0) as n from actor_daily')) +
        (await count('select coalesce(sum(n), 0) as n from shared_actor_daily')) -
        (await count('select count(*) as n from actor_scores s where exists (select 1 from article_feeds f where f.article_id = s.article_id)')),
    ),
    duplicateLinks: await count('select count(*) as n from (select link from articles where link is not null group by link having count(*) > 1) d'),
  };
}

export const NOTHING_HALF_WRITTEN = { analysedWithoutAnalysis: 0, analysisOfUnanalysed: 0, orphanScores: 0, dailyMismatch: 0, duplicateLinks: 0 };

export interface LockHolder {
  /** Takes SQLite's write lock (BEGIN IMMEDIATE) and resolves once it is held; with holdMs, the holder commits by itself after that long. */
  lock(holdMs?: number): Promise<void>;
  /** Commits, releasing the lock. */
  release(): Promise<void>;
  close(): Promise<void>;
}

const HOLDER_SCRIPT = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 60000');
require('readline').createInterface({ input: process.stdin }).on('line', (line) => {
  const release = () => { db.exec('COMMIT'); process.stdout.write('released\\n'); };
  const [command, holdMs] = line.split(' ');
  if (command === 'lock') {
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    if (holdMs) setTimeout(release, Number(holdMs));
  }
  if (command === 'release') release();
});
`;

/** A second process holding the database's write lock on command (another process, as in production). */
export function sqliteLockHolder(file: string): LockHolder {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', HOLDER_SCRIPT, file], { cwd: REPO_ROOT });
  let buffered = '';
  const waiters: Array<{ word: string; resolve: () => void }> = [];
  child.stdout.on('data', (d: Buffer) => {
    buffered += d.toString();
    for (const w of [...waiters]) {
      if (buffered.includes(`${w.word}\n`)) {
        buffered = buffered.replace(`${w.word}\n`, '');
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const command = (line: string, word: string): Promise<void> =>
    new Promise((resolve) => {
      waiters.push({ word, resolve });
      child.stdin.write(`${line}\n`);
    });
  return {
    lock: (holdMs) => command(holdMs === undefined ? 'lock' : `lock ${holdMs}`, 'locked'),
    release: () => command('release', 'released'),
    close: async () => {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('close', resolve));
    },
  };
}

/**
 * Makes the analysis transaction of one article stall right after it wrote its analysis row (a trigger in the
 * test's own schema sleeps), then terminates that backend from another connection, as a database restart or
 * a network cut would, mid-transaction.
 */
export async function installStall(client: pg.Client): Promise<void> {
  await client.query('create table stall_victims (article_id text primary key)');
  await client.query(`create function stall_victim() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from stall_victims v where v.article_id = new.article_id) then perform pg_sleep(30); end if;
      return new;
    end $$`);
  await client.query('create trigger stall_victim after insert on article_analysis for each row execute function stall_victim()');
}

/** Waits until a backend of `applicationName` sleeps in the stall trigger, terminates it; returns how many. */
export async function terminateStalled(client: pg.Client, applicationName: string): Promise<number> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where application_name = $1 and wait_event = 'PgSleep'",
      [applicationName],
    );
    for (const row of rows) await client.query('select pg_terminate_backend($1)', [row.pid]);
    if (rows.length > 0) return rows.length;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no backend reached the stall');
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop schema if exists ${schema} cascade`);
  await client.end();
}
