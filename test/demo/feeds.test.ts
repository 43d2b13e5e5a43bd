// The bundled demo feeds: well-formed after filling their placeholders, parseable, and dated in the
// last 14 days relative to the demo's clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { fillFeedTemplate } from '../../src/core/feed-template.js';

const dir = resolve(import.meta.dirname, '../../demo/feeds');
const files = readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
const NOW = Date.parse('2025-06-15T12:00:00Z');
const BASE = 'http://127.0.0.1:4321/';

describe('fillFeedTemplate', () => {
  it('replaces day offsets with RFC 822 dates and the base URL without a trailing slash', () => {
    const text = '<pubDate>{{DAYS_AGO:2.25}}</pubDate><link>{{BASE_URL}}/x</link><pubDate>{{DAYS_AGO:0}}</pubDate>';
    expect(fillFeedTemplate(text, NOW + 42_000, BASE)).toBe(
      '<pubDate>Fri, 13 Jun 2025 06:00:00 +0000</pubDate><link>http://127.0.0.1:4321/x</link><pubDate>Sun, 15 Jun 2025 12:00:00 +0000</pubDate>');
  });
  it('leaves unknown placeholders alone', () => {
    expect(fillFeedTemplate('{{DAYS_AGO:x}} {{OTHER}}', NOW, BASE)).toBe('{{DAYS_AGO:x}} {{OTHER}}');
  });
});

describe('demo feeds', () => {
  it('has five outlets', () => {
    expect(files).toHaveLength(5);
  });

  it.each(files)('%s parses with 6-9 dated, linked items of several sentences', async (file) => {
    const raw = readFileSync(join(dir, file), 'utf8');
    const filled = fillFeedTemplate(raw, NOW, BASE);
    expect(filled).not.toMatch(/\{\{/);
    const feed = await new Parser().parseString(filled);
    expect(feed.title).toBeTruthy();
    expect(feed.items.length).toBeGreaterThanOrEqual(6);
    expect(feed.items.length).toBeLessThanOrEqual(9);
    for (const item of feed.items) {
      const published = Date.parse(item.pubDate ?? '');
      expect(NOW - published).toBeGreaterThanOrEqual(0);
      expect(NOW - published).toBeLessThanOrEqual(14 * 86_400_000);
      expect(item.link?.startsWith('http://127.0.0.1:4321/')).toBe(true);
      const text = (item['content:encoded'] ?? item.content ?? '').replace(/<[^>]+>/g, ' ');
      const sentences = text.split(/(?<=[.!?。])\s*/).filter((s: string) => s.trim().length > 3);
      expect(sentences.length, `${item.title}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('includes non-English items to exercise "not analysed"', () => {
    const all = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    expect(all).toMatch(/[\u4e00-\u9fff]{8}/);
    const items = all.split('<item>');
    const french = items.filter((i) => (i.match(/\b(?:le|la|les|des|et|pour|une|aux)\b/gi) ?? []).length >= 8);
    expect(french).toHaveLength(1);
  });
});
