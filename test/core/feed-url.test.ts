import { describe, expect, it } from 'vitest';
import { checkFeedUrl, hostOf, parseHttpUrl } from '../../src/core/feed-url.js';
import { checkUrl } from '../../src/ingest/guard.js';

describe('parseHttpUrl: the one feed URL check', () => {
  it('accepts http(s) without credentials, says why anything else is refused', () => {
    expect(parseHttpUrl('https://news.example/feed')).toMatchObject({ ok: true });
    expect(parseHttpUrl('not a url')).toEqual({ ok: false, error: { reason: 'not-a-url' } });
    expect(parseHttpUrl('ftp://news.example/')).toEqual({ ok: false, error: { reason: 'scheme', protocol: 'ftp:' } });
    expect(parseHttpUrl('http://u:p@news.example/')).toEqual({ ok: false, error: { reason: 'credentials' } });
  });

  it('/feeds add and the fetcher guard refuse the same addresses', () => {
    for (const raw of ['not a url', 'ftp://news.example/', 'file:///etc/passwd', 'http://u:p@news.example/', 'https://news.example/feed']) {
      expect(checkFeedUrl(raw).ok, raw).toBe(checkUrl(raw, true).ok);
    }
  });
});

describe('hostOf', () => {
  it('the host name of a URL, the text itself when it is none', () => {
    expect(hostOf('https://News.Example:8443/feed?x=1')).toBe('news.example');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
