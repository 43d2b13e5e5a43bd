// `stancewatch stories` and `eval --stories` end to end through the real binary: JSON shape, every article in
// exactly one story, the text listing, --window-hours, bad input named by line, and B-cubed on the dev set.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/spawn-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sw-stories-'));
const LINE = 'The comprehensive strategic partnership treaty provides for mutual assistance in case of aggression against one of the parties.';
const articles = [
  { id: 'k1', outlet: 'KCNA', title: 'Kim Jong Un and Putin sign comprehensive strategic partnership treaty in Pyongyang', text: `Kim Jong Un and Vladimir Putin signed a treaty in Pyongyang. ${LINE}`, published: '2024-06-19T08:00:00Z' },
  { id: 't1', outlet: 'TASS', title: 'Putin, Kim sign strategic partnership treaty in Pyongyang', text: `Russian President Vladimir Putin and Kim Jong Un signed the treaty in Pyongyang on Wednesday. ${LINE}`, published: '2024-06-19T10:00:00+00:00', extra: 'ignored' },
  { id: 'r1', outlet: 'Reuters', title: 'Putin and Kim pledge mutual defence in Pyongyang pact', text: 'Vladimir Putin and Kim Jong Un signed a mutual defence pact in Pyongyang, alarming Seoul and Washington.', published: '2024-06-19T11:30:00Z' },
  { id: 'q1', outlet: 'Reuters', title: 'Earthquake strikes off Taiwan coast near Hualien, tsunami warning issued', text: 'A powerful earthquake struck eastern Taiwan near Hualien, collapsing buildings and triggering tsunami warnings.', published: '2024-06-19T09:00:00Z' },
];
const write = (name: string, lines: string[]): string => {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
const good = write('good.jsonl', articles.map((a) => JSON.stringify(a)));

interface StoryJson { id: string; title: string; articles: string[]; outlets: string[]; actors: Array<{ actor: string; byOutlet: Record<string, { score: number; label: string }> }>; sharedPhrasing: Array<{ text: string; occurrences: Array<{ outlet: string }> }>; sharedPhrasingPairs: Array<{ outlets: string[]; lines: number }> }

describe('stancewatch stories', () => {
  it('prints every article in exactly one story, with outlets, stances per actor and shared phrasing', async () => {
    const run = await runCli(['stories', good, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const { stories, sharedPhrasingPairs } = JSON.parse(run.stdout) as { stories: StoryJson[]; sharedPhrasingPairs: StoryJson['sharedPhrasingPairs'] };
    expect(stories.flatMap((s) => s.articles).sort()).toEqual(['k1', 'q1', 'r1', 't1']);
    // Shared lines are countable per outlet pair, in each story and over the whole file.
    expect(sharedPhrasingPairs).toEqual([{ outlets: ['KCNA', 'TASS'], lines: 1 }]);
    const pact = stories.find((s) => s.articles.includes('k1')) as StoryJson;
    expect(pact.id).toBe('k1');
    expect(pact.articles).toEqual(['k1', 't1', 'r1']);
    expect(pact.outlets).toEqual(['KCNA', 'TASS', 'Reuters']);
    expect(pact.actors.map((a) => a.actor)).toEqual(['North Korea', 'Vladimir Putin']);
    for (const a of pact.actors) for (const v of Object.values(a.byOutlet)) expect(['negative', 'neutral', 'positive']).toContain(v.label);
    expect(pact.sharedPhrasing[0]?.occurrences.map((o) => o.outlet)).toEqual(['KCNA', 'TASS']);
    expect(pact.sharedPhrasingPairs).toEqual([{ outlets: ['KCNA', 'TASS'], lines: 1 }]);
    expect(stories.find((s) => s.articles.includes('q1'))?.articles).toEqual(['q1']);
  });

  it('prints a readable listing without --json, and a window of one hour splits the pact', async () => {
    const text = await runCli(['stories', good]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('shared phrasing (KCNA, TASS');
    expect(text.stdout).toContain('shared lines by outlet pair: KCNA & TASS 1');
    expect(text.stdout).toMatch(/== .*\(3 articles, 3 outlets/);
    const narrow = await runCli(['stories', good, '--window-hours', '1', '--json']);
    expect((JSON.parse(narrow.stdout) as { stories: StoryJson[] }).stories.length).toBeGreaterThan(2);
  });

  it('names the line of bad input and exits non-zero without a stack trace', async () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['json.jsonl', [JSON.stringify(articles[0]), '{"id": "x", oops}'], /line 2: not valid JSON/],
      ['missing.jsonl', [JSON.stringify({ ...articles[0], outlet: undefined })], /line 1: outlet: missing/],
      ['type.jsonl', [JSON.stringify({ ...articles[0], title: 5 })], /line 1: title: Invalid input: expected string, received number/],
      ['array.jsonl', [JSON.stringify(articles[0]), '[1, 2]'], /line 2: not a JSON object/],
      ['date.jsonl', ['', JSON.stringify({ ...articles[0], published: '19/06/2024' })], /line 2: published: not an ISO 8601 date/],
      // Dates that do not exist are refused, not rolled into the next month.
      ['feb30.jsonl', [JSON.stringify({ ...articles[0], published: '2024-02-30' })], /line 1: published: not an ISO 8601 date: "2024-02-30"/],
      ['feb29.jsonl', [JSON.stringify({ ...articles[0], published: '2023-02-29T10:00:00Z' })], /line 1: published: not an ISO 8601 date/],
      ['apr31.jsonl', [JSON.stringify({ ...articles[0], published: '2024-04-31T08:00:00+02:00' })], /line 1: published: not an ISO 8601 date/],
      ['hour25.jsonl', [JSON.stringify({ ...articles[0], published: '2024-06-19T25:00:00Z' })], /line 1: published: not an ISO 8601 date/],
      ['twice.jsonl', [JSON.stringify(articles[0]), JSON.stringify(articles[0])], /line 2: id "k1" appears twice/],
    ];
    for (const [name, lines, message] of cases) {
      const run = await runCli(['stories', write(name, lines), '--json']);
      expect(run.code, name).toBe(3);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
      expect(run.stdout).toBe('');
    }
    expect((await runCli(['stories', join(dir, 'nope.jsonl')])).code).toBe(3);
    expect((await runCli(['stories', good, '--window-hours', '-2'])).code).toBe(2);
    expect((await runCli(['stories'])).code).toBe(2);
  });
});

describe('stancewatch eval --stories', () => {
  it('scores the hand-labelled dev set with B-cubed (F1 >= 0.85)', async () => {
    const run = await runCli(['eval', '--stories', join(REPO_ROOT, 'test', 'data', 'stories-dev', 'articles.jsonl'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { articles: number; events: number; stories: number; precision: number; recall: number; f1: number };
    expect(r.articles).toBeGreaterThanOrEqual(150);
    expect(r.events).toBeGreaterThanOrEqual(25);
    expect(r.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('requires the gold event on every line', async () => {
    const run = await runCli(['eval', '--stories', good]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/line 1: event: missing/);
  });
});
