// The only reader of process.env. Loads config/default.yaml, config/feeds.yaml, the `.env` file of the working
// folder and the environment (which wins over `.env`), validates everything with one zod schema and reports
// every problem at once.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseCron } from './core/cron.js';
import { parseDigestSchedule } from './core/digest-schedule.js';
import { err, ok, type Result } from './core/result.js';
import { readEnvFile } from './env-file.js';

const seconds = z.number().positive();
/** A string that `check` accepts; its error sentence becomes the problem's message. */
const checked = (check: (value: string) => Result<unknown, string>) => z.string().superRefine((value, ctx) => {
  const result = check(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
});
/** The poll tick: a cron expression in the one dialect of src/core/cron.ts (5 fields, or 6 with seconds). */
const cronExpr = checked((v) => parseCron(v));
/** A digest schedule exactly as `/digest schedule when:` takes it (daily/weekly or cron, at most hourly). */
const digestSchedule = checked(parseDigestSchedule);

export const settingsSchema = z.object({
  poll: z.object({
    tick: cronExpr,
    batchSize: z.number().int().min(1).max(10_000),
    concurrency: z.number().int().min(1).max(512),
    perHostConcurrency: z.number().int().min(1).max(64),
    leaseSeconds: seconds,
    maxItemAgeDays: z.number().positive(),
  }).strict(),
  fetch: z.object({
    userAgent: z.string().min(1),
    timeoutSeconds: seconds.max(600),
    maxFeedBytes: z.number().int().min(1024),
    maxArticleBytes: z.number().int().min(1024),
    maxRedirects: z.number().int().min(0).max(20),
    allowPrivateAddresses: z.boolean(),
    fullTextConcurrency: z.number().int().min(1).max(64),
    parseInThread: z.boolean(),
    parseDeadlineSeconds: seconds.max(600),
  }).strict(),
  schedule: z.object({
    defaultIntervalMinutes: z.number().positive(),
    minIntervalMinutes: z.number().positive(),
    maxIntervalMinutes: z.number().positive(),
  }).strict(),
  backoff: z.object({
    baseSeconds: seconds,
    maxSeconds: seconds,
    jitterRatio: z.number().min(0).max(1),
    disableAfterFailures: z.number().int().min(1),
  }).strict(),
  retention: z.object({
    articleDays: z.number().positive(),
    pruneBatchSize: z.number().int().min(1),
  }).strict(),
  digest: z.object({
    defaultSchedule: digestSchedule,
    defaultTimezone: z.string().refine(isTimeZone, 'unknown IANA time zone'),
    topArticlesPerActor: z.number().int().min(1).max(10),
    outputDir: z.string().min(1),
  }).strict(),
  alerts: z.object({ maxPerChannelPerHour: z.number().int().min(1) }).strict(),
  // A deployment's older default.yaml without the section gets the defaults.
  stories: z.object({ windowHours: z.number().positive().max(24 * 30), leaseSeconds: seconds }).strict().default({ windowHours: 72, leaseSeconds: 60 }),
  shutdown: z.object({ graceSeconds: seconds.max(60) }).strict(),
}).strict();

const seedFeedsSchema = z.object({
  feeds: z.array(z.object({
    url: z.string().url(),
    name: z.string().min(1).optional(),
    fullText: z.boolean().optional(),
  }).strict()).default([]),
}).strict();

const databaseUrl = z.string().refine(
  (v) => /^sqlite:.+/.test(v) || isPostgresUrl(v),
  'expected sqlite:PATH (e.g. sqlite:./data/stancewatch.db) or postgres://user:password@host:5432/db',
);

/** Every environment variable Stancewatch reads. `.env.example` documents exactly these (a test checks). */
export const envSchema = z.object({
  DISCORD_TOKEN: z.string().min(50, 'a bot token is about 70 characters; copy it from the Developer Portal').optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,22}$/, 'a Discord snowflake (digits only)').optional(),
  DISCORD_DEV_GUILD_ID: z.string().regex(/^\d{15,22}$/, 'a Discord snowflake (digits only)').optional(),
  DISCORD_API_URL: z.string().url('a URL such as http://discord-proxy:8080/api').optional(),
  DATABASE_URL: databaseUrl.default('sqlite:./data/stancewatch.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  STANCEWATCH_CONFIG_DIR: z.string().min(1).optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SeedFeed = z.infer<typeof seedFeedsSchema>['feeds'][number];
export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  settings: Settings;
  seedFeeds: SeedFeed[];
  discord: { token: string; applicationId?: string; devGuildId?: string; apiUrl?: string } | null;
  databaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  httpPort?: number;
  configDir: string;
  /** The `.env` file that was read (absolute path), null when there was none. */
  envFile: string | null;
  /** Values that must never be logged or shown (token, database password). */
  secrets: string[];
}

export interface ConfigProblem {
  path: string;
  message: string;
}

export interface LoadOptions {
  /** The process environment (default process.env). */
  env?: Record<string, string | undefined>;
  /** The `.env` file; default `.env` in the working folder, or none when `env` is given. null: none. */
  envFile?: string | null;
  configDir?: string;
}

export function loadConfig(options: LoadOptions = {}): Result<AppConfig, ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const { rawEnv, envFile, fromFile } = environment(options, problems);
  const env = envSchema.safeParse(pickEnv(rawEnv));
  if (!env.success) {
    problems.push(...zodProblems('env', env.error).map((p) => {
      const key = p.path.slice('env: '.length);
      return envFile && fromFile.has(key) ? { ...p, path: `${envFile}: ${key}` } : p;
    }));
  }
  // An empty STANCEWATCH_CONFIG_DIR (as in a copy of .env.example) counts as unset, like every variable.
  const configDir = resolve(options.configDir ?? (rawEnv.STANCEWATCH_CONFIG_DIR || 'config'));
  const settingsFile = join(configDir, 'default.yaml');
  const settings = readYaml(settingsFile, settingsSchema, problems);
  const seeds = readYaml(join(configDir, 'feeds.yaml'), seedFeedsSchema, problems);
  if (settings) problems.push(...crossChecks(settings).map((p) => ({ ...p, path: `${settingsFile}: ${p.path}` })));
  if (problems.length > 0 || !env.success || !settings || !seeds) return err(problems);
  const e = env.data;
  return ok({
    settings,
    seedFeeds: seeds.feeds,
    discord: e.DISCORD_TOKEN
      ? { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, devGuildId: e.DISCORD_DEV_GUILD_ID, apiUrl: e.DISCORD_API_URL }
      : null,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    httpPort: e.HTTP_PORT,
    configDir,
    envFile,
    secrets: [e.DISCORD_TOKEN, databasePassword(e.DATABASE_URL)].filter((s): s is string => Boolean(s)),
  });
}

export function formatProblems(problems: ConfigProblem[]): string {
  const lines = problems.map((p) => `  - ${p.path}: ${p.message}`);
  return `Invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}\n` +
    'Fix the values above (see config/default.yaml and .env.example); nothing was started.';
}

/** The password part of a postgres:// URL, if any. */
export function databasePassword(url: string): string | undefined {
  if (!isPostgresUrl(url)) return undefined;
  const password = new URL(url).password;
  return password ? decodeURIComponent(password) : undefined;
}

function isPostgresUrl(value: string): boolean {
  if (!/^postgres(ql)?:\/\//.test(value)) return false;
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The process environment over the `.env` file's variables; which keys came from the file. */
function environment(options: LoadOptions, problems: ConfigProblem[]): { rawEnv: Record<string, string | undefined>; envFile: string | null; fromFile: Set<string> } {
  const processEnv = options.env ?? process.env;
  const requested = options.envFile === undefined ? (options.env === undefined ? '.env' : null) : options.envFile;
  const file = requested === null ? null : resolve(requested);
  const read = file === null ? ok(null) : readEnvFile(file);
  if (!read.ok) {
    problems.push(...read.error.map((p) => ({ path: p.line > 0 ? `${file}: line ${p.line}` : `${file}: (file)`, message: p.message })));
    return { rawEnv: processEnv, envFile: file, fromFile: new Set() };
  }
  if (read.value === null) return { rawEnv: processEnv, envFile: null, fromFile: new Set() };
  const fromFile = new Set(Object.keys(read.value).filter((k) => processEnv[k] === undefined));
  return { rawEnv: { ...read.value, ...definedOnly(processEnv) }, envFile: file, fromFile };
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

function pickEnv(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const keys = Object.keys(envSchema.shape);
  // Empty strings count as unset, as in most .env tooling.
  return Object.fromEntries(keys.map((k) => [k, env[k] === '' ? undefined : env[k]]));
}

function readYaml<T>(file: string, schema: z.ZodType<T>, problems: ConfigProblem[]): T | undefined {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ path: `${file}: (file)`, message: `cannot read: ${(error as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  problems.push(...zodProblems(file, parsed.error));
  return undefined;
}

function zodProblems(source: string, error: z.ZodError): ConfigProblem[] {
  return error.issues.map((issue) => ({
    path: `${source}: ${issue.path.map(String).join('.') || '(root)'}`,
    message: issue.message,
  }));
}

function crossChecks(s: Settings): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (s.schedule.minIntervalMinutes > s.schedule.maxIntervalMinutes) {
    out.push({ path: 'schedule.minIntervalMinutes', message: 'must not exceed schedule.maxIntervalMinutes' });
  }
  if (s.backoff.baseSeconds > s.backoff.maxSeconds) {
    out.push({ path: 'backoff.baseSeconds', message: 'must not exceed backoff.maxSeconds' });
  }
  return out;
}
