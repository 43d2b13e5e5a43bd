// Recognising an HTML page served where a feed was expected, and finding the feed it links to.
import { decodeHTML } from 'entities';
import { resolveUrl } from './xmlvalue.js';

/** Link types a page announces its feeds with: RSS, Atom, RDF, generic XML and JSON Feed. */
const FEED_TYPES = /^application\/(rss|atom|rdf|feed)\+xml$|^application\/(rss|atom)$|^text\/xml$|^application\/xml$|^application\/feed\+json$/i;
/** Plain JSON is also used for JSON Feeds, but as often for other things (WordPress REST links): taken last. */
const PLAIN_JSON = /^application\/json$/i;

/** True when the text is an HTML document rather than XML. */
export function looksLikeHtml(text: string, contentType?: string): boolean {
  const head = text.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, '').trimStart();
  if (/^<!doctype\s+html|^<html[\s>]/i.test(head)) return true;
  return /^text\/html/i.test(contentType ?? '') && !/^(<\?xml|<rss|<feed|<rdf:RDF)/i.test(head);
}

/** The first `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json|..." href>` of an HTML page, resolved. */
export function discoverFeedLink(html: string, pageUrl?: string): string | undefined {
  let json: string | undefined;
  for (const tag of html.slice(0, 512 * 1024).match(/<link\b[^>]*>/gi) ?? []) {
    const attrs = tagAttributes(tag);
    const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.type ?? '').trim();
    if (!rels.includes('alternate') || !attrs.href) continue;
    if (FEED_TYPES.test(type)) return resolveUrl(decodeHTML(attrs.href), pageUrl);
    if (PLAIN_JSON.test(type)) json ??= attrs.href;
  }
  return json === undefined ? undefined : resolveUrl(decodeHTML(json), pageUrl);
}

function tagAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-:]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) {
    attrs[(m[1] as string).toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return attrs;
}
