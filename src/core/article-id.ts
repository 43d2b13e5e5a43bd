// Stable article identity: guid, else canonical link without tracking parameters, else a hash of title + date.
// Pure: uses only the WHATWG URL class.
import { hashHex } from './hash.js';

/** Query parameters that only track the reader and never change the article. Matched case-insensitively. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gclsrc', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl',
  'ocid', 'cmpid', 'cmp', 'ito', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee',
  'at_medium', 'at_campaign', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4', 'wt_mc', 'wt.mc_id',
  'smid', 'smtyp',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'oly_', 'vero_', 'hsa_'];

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * Canonical form of an http(s) link: lower-case host, no default port, no fragment, no tracking
 * parameters, remaining parameters sorted. Returns undefined for anything that is not an http(s) URL.
 */
export function canonicalLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url.toString();
}

export interface IdSource {
  guid?: string;
  link?: string;
  title?: string;
  /** Epoch ms. */
  published?: number;
}

/**
 * The stable id of an item. A guid that is an http(s) URL is canonicalised like a link, so the same article
 * reached through two feeds (one giving a permalink guid, the other only a link) gets one id.
 */
export function articleId(src: IdSource): string {
  const guid = src.guid?.trim();
  if (guid) return canonicalLink(guid) ?? guid;
  const link = src.link ? canonicalLink(src.link) : undefined;
  if (link) return link;
  return `h:${hashHex(`${src.title?.trim() ?? ''}\u0000${src.published ?? ''}`)}`;
}
