// Reads the articles of `stancewatch stories` / `eval --stories`: one JSON object a line
// {"id","outlet","title","text","published"} (+ "event" for evaluation), then analyses each one.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { err, ok, type Result } from '../core/result.js';
import { leadOf } from '../core/story-terms.js';
import type { StoryDoc, StoryMember } from '../core/story-types.js';
import { loadAnalyser } from '../resources.js';

export interface InputArticle {
  id: string;
  outlet: string;
  title: string;
  text: string;
  published: number;
  link: string | null;
  event: string | null;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar fields exist: no 30 February, month 13, hour 25 (Date.parse rolls some of these into the next month). */
function realDate(fields: Array<string | undefined>): boolean {
  const [year, month, day, hour, minute, second] = fields.map((f) => (f === undefined ? 0 : Number(f))) as number[];
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysIn(year!, month!) && hour! <= 23 && minute! <= 59 && second! <= 59;
}

/** Epoch ms of an ISO 8601 date or date-time; a date-time without a zone is read as UTC (never the local zone). */
export function parseInstant(value: string): number | undefined {
  const text = value.trim();
  const match = ISO_8601.exec(text);
  if (!match || !realDate(match.slice(1, 7))) return undefined;
  const zoned = match[7] !== undefined || !/[T ]/i.test(text) ? text : `${text}Z`;
  const ms = Date.parse(zoned.replace(' ', 'T'));
  return Number.isNaN(ms) ? undefined : ms;
}

const lineSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  outlet: z.string().trim().min(1),
  title: z.string(),
  text: z.string(),
  published: z.string(),
  url: z.string().nullish(),
  link: z.string().nullish(),
  event: z.union([z.string(), z.number()]).nullish(),
});

function parseLine(line: string, requireEvent: boolean): Result<InputArticle, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return err(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return err('not a JSON object {"id","outlet","title","text","published"}');
  const parsed = lineSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'line';
    const key = issue?.path[0];
    const missing = typeof key === 'string' && (raw as Record<string, unknown>)[key] === undefined;
    return err(`${field}: ${missing ? 'missing' : (issue?.message ?? 'invalid')}`);
  }
  const v = parsed.data;
  const published = parseInstant(v.published);
  if (published === undefined) return err(`published: not an ISO 8601 date: ${JSON.stringify(v.published)}`);
  if (requireEvent && v.event === undefined) return err('event: missing (the gold label of evaluation)');
  const event = v.event === undefined || v.event === null || v.event === '' ? null : String(v.event);
  return ok({ id: v.id, outlet: v.outlet, title: v.title, text: v.text, published, link: v.url ?? v.link ?? null, event });
}

/** Every non-blank line as an article; the first bad line is an error naming its line number. */
export function parseArticles(text: string, requireEvent = false): Result<InputArticle[], string> {
  const articles: InputArticle[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '') continue;
    const parsed = parseLine(line, requireEvent);
    if (!parsed.ok) return err(`line ${i + 1}: ${parsed.error}`);
    if (seen.has(parsed.value.id)) return err(`line ${i + 1}: id ${JSON.stringify(parsed.value.id)} appears twice`);
    seen.add(parsed.value.id);
    articles.push(parsed.value);
  }
  return ok(articles);
}

export function readArticles(file: string, requireEvent = false): Result<InputArticle[], string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return err(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = parseArticles(text, requireEvent);
  return parsed.ok ? parsed : err(`${file}: ${parsed.error}`);
}

/** The analysis of each article (actors, voices) as what clustering and the comparison read. */
export function analyseArticles(articles: InputArticle[]): Array<{ doc: StoryDoc; member: StoryMember }> {
  const analyser = loadAnalyser();
  return articles.map((a) => {
    const analysis = analyser.analyse({ title: a.title, text: a.text });
    const member: StoryMember = {
      id: a.id, outlet: a.outlet, title: a.title, link: a.link, published: a.published, text: a.text,
      actors: analysis.actors.map((s) => ({ actor: s.actor, score: s.score, label: s.label, mentions: s.mentions })),
      voices: analysis.voices.map((v) => ({ speaker: v.speaker, ...(v.speakerActor ? { speakerActor: v.speakerActor } : {}), actor: v.actor, label: v.label, score: v.score })),
    };
    const doc: StoryDoc = { id: a.id, outlet: a.outlet, title: a.title, lead: leadOf(a.text), published: a.published, actors: member.actors.map((s) => s.actor) };
    return { doc, member };
  });
}
