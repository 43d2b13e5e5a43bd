// Feeds that declare no charset (no BOM, no HTTP charset, no prolog encoding) and are not UTF-8: the charset is
// detected (chardet) instead of decoding as UTF-8 into U+FFFD. Covers feedparser's illformed/chardet files
// (copied under fixtures/feedparser-chardet, BSD-2, see LICENSE.feedparser there) and samples encoded here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/ingest/decode.js';
import { parseFeedDocument } from '../../src/ingest/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'feedparser-chardet');

describe('feedparser illformed/chardet files (no declared encoding)', () => {
  it.each([
    ['eucjp.xml', 'ゲーム三昧な正月'],
    ['euckr.xml', 'EUC-KR 에서 TypeKey 한글닉네임 표시하기'],
    ['gb2312.xml', '不归移民漫画系列：专业工作'],
    ['koi8r.xml', 'Как пережить новогоднюю ночь'],
    ['shiftjis.xml', 'DrecomRSSに記事投稿が反映されない…'],
  ])('%s: the item title decodes without U+FFFD', async (file, title) => {
    const parsed = await parseFeedDocument(readFileSync(join(FIXTURES, file)));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.items[0]?.title).toBe(title);
    expect(parsed.value.warnings.join('\n')).toMatch(/no charset declared .* decoded as detected/);
  });

  it('big5.xml: the feed title decodes (its "??" are in the original bytes)', async () => {
    const parsed = await parseFeedDocument(readFileSync(join(FIXTURES, 'big5.xml')));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.title).toMatch(/^我希望\?\?很容易\?其翻\?成中文/);
    expect(parsed.value.title).not.toContain('\uFFFD');
  });

  it('windows1255.xml: the Hebrew description decodes', async () => {
    const parsed = await parseFeedDocument(readFileSync(join(FIXTURES, 'windows1255.xml')));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.items[0]?.summary).toMatch(/^האם תדפיס נייר של אתר אינטרנט/);
  });
});

const samples: [string, string][] = [
  ['EUC-JP', '東京で新しい会議が開かれ、各国の代表が経済と安全保障について議論した。'],
  ['Shift_JIS', '政府は本日、新しい経済対策を発表し、国内の消費を支えると述べた。'],
  ['KOI8-R', 'Правительство объявило о новых мерах поддержки экономики и заявило о переговорах.'],
  ['windows-1251', 'Правительство объявило о новых мерах поддержки экономики и заявило о переговорах.'],
  ['GB2312', '政府今天宣布了新的经济措施，并表示将继续与各国进行谈判和合作。'],
  ['EUC-KR', '정부는 오늘 새로운 경제 대책을 발표하고 각국과의 협상을 계속하겠다고 밝혔다.'],
];

function undeclaredFeed(text: string): string {
  const items = [1, 2, 3].map((n) => `<item><title>${n}. ${text}</title><description>${text} ${text}</description></item>`);
  return `<rss version="2.0"><channel><title>${text.slice(0, 12)}</title>${items.join('')}</channel></rss>`;
}

describe('charset detection on encoded samples', () => {
  it.each(samples)('%s without any declaration decodes to the original text', async (encoding, text) => {
    const bytes = iconv.encode(undeclaredFeed(text), encoding);
    const decoded = decodeText(bytes, 'application/rss+xml');
    expect(decoded.source).toBe('detected');
    expect(decoded.text).toBe(undeclaredFeed(text));
    const parsed = await parseFeedDocument(bytes, { contentType: 'application/rss+xml' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.items.map((i) => i.title)).toEqual([1, 2, 3].map((n) => `${n}. ${text}`));
  });

  it('valid UTF-8 is never re-detected; declared charsets win over detection', () => {
    const text = samples[2]?.[1] as string;
    expect(decodeText(Buffer.from(undeclaredFeed(text)))).toMatchObject({ source: 'default', charset: 'utf-8' });
    const koi8 = iconv.encode(undeclaredFeed(text), 'koi8-r');
    expect(decodeText(koi8, 'text/xml; charset=windows-1251')).toMatchObject({ source: 'header', charset: 'windows-1251' });
    const prolog = iconv.encode(`<?xml version="1.0" encoding="windows-1251"?>${undeclaredFeed(text)}`, 'koi8-r');
    expect(decodeText(prolog)).toMatchObject({ source: 'document', charset: 'windows-1251' });
  });

  it('UTF-8 with one stray invalid byte stays UTF-8 (one replacement, with a warning)', () => {
    const bytes = Buffer.concat([Buffer.from(undeclaredFeed('Café naïve — “quoted” déjà vu')), Buffer.from([0xff])]);
    const decoded = decodeText(bytes);
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text).toContain('Café naïve — “quoted” déjà vu');
    expect(decoded.warnings).toContain('invalid UTF-8 sequences were replaced');
  });
});
