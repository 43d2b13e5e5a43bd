import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, decompress } from '../../src/ingest/decode.js';

const sample = 'Новости 新闻 ニュース 뉴스 Nachrichten';
const xml = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?><t>`;

describe('decodeText', () => {
  it.each([
    ['windows-1251', 'Новости и события'],
    ['KOI8-R', 'Новости и события'],
    ['GB2312', '新闻和事件'],
    ['GBK', '新闻和事件'],
    ['GB18030', '新闻和事件'],
    ['Big5', '新聞和事件'],
    ['Shift_JIS', 'ニュースと出来事'],
    ['EUC-KR', '뉴스와 사건'],
    ['ISO-8859-2', 'Wiadomości ąęł'],
    ['windows-1252', 'café “quotes”'],
  ])('decodes %s declared in the prolog', (encoding, text) => {
    const bytes = iconv.encode(`${xml(encoding)}${text}</t>`, encoding);
    const decoded = decodeText(bytes);
    expect(decoded.text).toContain(text);
    expect(decoded.source).toBe('document');
  });

  it('order: BOM, then header, then prolog, then UTF-8', () => {
    const cp1251 = iconv.encode(`${xml('utf-8')}Новости</t>`, 'windows-1251');
    expect(decodeText(cp1251, 'text/xml; charset=windows-1251')).toMatchObject({ source: 'header', charset: 'windows-1251' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${xml('windows-1251')}${sample}</t>`)]);
    expect(decodeText(bom, 'text/xml; charset=koi8-r')).toMatchObject({ source: 'bom', text: `${xml('windows-1251')}${sample}</t>` });
    expect(decodeText(Buffer.from(`<t>${sample}</t>`))).toMatchObject({ source: 'default', text: `<t>${sample}</t>` });
  });

  it('Latin-1 labels decode as windows-1252 (curly quotes survive); unknown labels fall through with a warning', () => {
    expect(decodeText(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'text/xml; charset=ISO-8859-1').text).toBe('“hi”');
    const decoded = decodeText(Buffer.from(`${xml('x-no-such')}${sample}</t>`));
    expect(decoded.text).toContain(sample);
    expect(decoded.warnings.join()).toMatch(/unknown charset/);
  });

  it('UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<t>${sample}</t>`, 'utf16le')]);
    expect(decodeText(bytes).text).toBe(`<t>${sample}</t>`);
  });
});

describe('decompress', () => {
  it('inflates gzip by header or by magic bytes, and caps the output', () => {
    const packed = gzipSync(Buffer.from(sample));
    expect(decompress(packed, 'gzip', 1024)).toEqual({ ok: true, value: Buffer.from(sample) });
    expect(decompress(packed, undefined, 1024)).toEqual({ ok: true, value: Buffer.from(sample) });
    expect(decompress(gzipSync(Buffer.alloc(10_000)), 'gzip', 1024)).toEqual({ ok: false, error: 'TOO_LARGE' });
    expect(decompress(Buffer.from('plain'), undefined, 1024)).toEqual({ ok: true, value: Buffer.from('plain') });
  });
});
