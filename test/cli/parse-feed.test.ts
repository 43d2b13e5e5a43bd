import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/parse-feed.js';
import { SHARED, cyrillicFeed } from '../ingest/fetch-helpers.js';
import { recordingIo } from './cli-helpers.js';

const heise = join(SHARED, 'feeds', 'outlets', 'rss-parser__heise.atom');

describe('parse-feed', () => {
  it('prints the feed and its items as JSON', async () => {
    const io = recordingIo();
    expect(await run([heise, '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.join('')) as { ok: boolean; feed: { title: string }; items: { title: string; link: string; published: string; id: string }[]; warnings: string[] };
    expect(out.ok).toBe(true);
    expect(out.feed.title).toBe('heise developer neueste Meldungen');
    expect(out.items).toHaveLength(15);
    expect(out.items[0]).toMatchObject({ title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei', published: '2016-02-01T16:22:00.000Z' });
    expect(out.items[0]?.id).toBe('http://heise.de/-3088438');
    expect(Array.isArray(out.warnings)).toBe(true);
  });

  it('decodes as if served with --content-type', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-feed-'));
    const file = join(dir, 'koi8.xml');
    writeFileSync(file, iconv.encode(cyrillicFeed(), 'koi8-r'));
    const io = recordingIo();
    expect(await run([file, '--content-type', 'text/xml; charset=KOI8-R', '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('')).feed.title).toBe('Новости дня');
  });

  it('feedparser illformed/chardet files (no declared encoding) give titles without U+FFFD', async () => {
    const dir = join(import.meta.dirname, '..', 'ingest', 'fixtures', 'feedparser-chardet');
    for (const name of ['big5', 'eucjp', 'euckr', 'gb2312', 'koi8r', 'shiftjis', 'windows1255']) {
      const io = recordingIo();
      expect(await run([join(dir, `${name}.xml`), '--json'], io)).toBe(0);
      const out = JSON.parse(io.stdout.join('')) as { feed: { title: string }; items: { title: string; summary?: string }[] };
      const texts = [out.feed.title, ...out.items.flatMap((i) => [i.title, i.summary ?? ''])];
      expect(texts.join('').length, name).toBeGreaterThan(10);
      expect(texts.join('\n'), name).not.toContain('\uFFFD');
    }
  });

  it('parses a JSON Feed file (--json), and reports invalid JSON as FEED_PARSE', async () => {
    const file = join(import.meta.dirname, '..', 'ingest', 'fixtures', 'jsonfeed-1.1.json');
    const io = recordingIo();
    expect(await run([file, '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.join('')) as { feed: { title: string; language: string }; items: { title: string; published: string }[] };
    expect(out.feed).toMatchObject({ title: 'Новости дня', language: 'ru' });
    expect(out.items.map((i) => [i.title, i.published])).toEqual([['Москва и Пекин', '2024-01-02T07:00:00.000Z'], ['Без ссылки', '2024-01-02T06:00:00.000Z']]);
    const broken = join(mkdtempSync(join(tmpdir(), 'parse-feed-')), 'broken.json');
    writeFileSync(broken, '{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": ');
    const bad = recordingIo();
    expect(await run([broken], bad)).toBe(3);
    expect(bad.stderr.join('')).toMatch(/^FEED_PARSE: invalid JSON: /);
  });

  it('prints a human listing without --json', async () => {
    const io = recordingIo();
    expect(await run([heise], io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^heise developer neueste Meldungen .* - 15 items$/);
  });

  it('bad input is exit 3 with a JSON error, never a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-feed-'));
    const file = join(dir, 'broken.xml');
    writeFileSync(file, '<rss version="2.0"><channel><title>x</title></chan');
    const missing = recordingIo();
    expect(await run([join(dir, 'missing.xml'), '--json'], missing)).toBe(3);
    expect(JSON.parse(missing.stdout.join(''))).toMatchObject({ ok: false, error: { code: 'READ_FAILED' } });
    const html = join(dir, 'page.html');
    writeFileSync(html, '<!doctype html><html><head><link rel="alternate" type="application/atom+xml" href="/atom"></head></html>');
    const io = recordingIo();
    expect(await run([html, '--url', 'https://news.example/', '--json'], io)).toBe(3);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ ok: false, error: { code: 'NOT_A_FEED' } });
    const text = recordingIo();
    expect(await run([html], text)).toBe(3);
    expect(text.stderr.join('')).toMatch(/^NOT_A_FEED: /);
    expect(text.stderr.join('')).not.toMatch(/\n\s+at /);
  });

  it('usage errors are exit 2', async () => {
    expect(await run([], recordingIo())).toBe(2);
    expect(await run([heise, '--bogus'], recordingIo())).toBe(2);
  });
});
