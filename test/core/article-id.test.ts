import { describe, expect, it } from 'vitest';
import { articleId, canonicalLink, isTrackingParam } from '../../src/core/article-id.js';

describe('canonicalLink', () => {
  it('drops tracking parameters and fragments, sorts the rest, lower-cases the host', () => {
    expect(canonicalLink('https://WWW.Example.com:443/a/b?utm_source=rss&id=7&fbclid=x&b=2#top')).toBe('https://www.example.com/a/b?b=2&id=7');
    expect(canonicalLink('http://example.com/story?utm_medium=feed')).toBe('http://example.com/story');
  });

  it('refuses non-web links', () => {
    expect(canonicalLink('javascript:alert(1)')).toBeUndefined();
    expect(canonicalLink('not a url')).toBeUndefined();
  });

  it('knows tracking parameter families', () => {
    expect(['utm_campaign', 'UTM_Term', 'gclid', 'mc_eid', 'ns_mchannel']).toSatisfy((names: string[]) => names.every(isTrackingParam));
    expect(isTrackingParam('id')).toBe(false);
  });
});

describe('articleId', () => {
  it('prefers the guid, canonicalising URL guids so two feeds agree', () => {
    expect(articleId({ guid: ' tag:example.com,2024:1 ', link: 'http://x/1' })).toBe('tag:example.com,2024:1');
    const viaGuid = articleId({ guid: 'https://news.example/a?utm_source=one' });
    const viaLink = articleId({ link: 'https://news.example/a?utm_source=two#c' });
    expect(viaGuid).toBe(viaLink);
  });

  it('falls back to a hash of title and date, stable and distinct', () => {
    const a = articleId({ title: 'Talks resume', published: 1_700_000_000_000 });
    expect(a).toMatch(/^h:[0-9a-f]{14}$/);
    expect(articleId({ title: ' Talks resume ', published: 1_700_000_000_000 })).toBe(a);
    expect(articleId({ title: 'Talks resume', published: 1_700_000_000_001 })).not.toBe(a);
  });
});
