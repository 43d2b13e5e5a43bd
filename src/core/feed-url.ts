// Feed addresses: the one check of what may be fetched (used by /feeds add, OPML import and, on every hop, by
// the fetcher's address guard), and the host name feeds are grouped and named by.
import { err, ok, type Result } from './result.js';

/** Why a text is not an http(s) address the fetcher may request. */
export type HttpUrlProblem =
  | { reason: 'not-a-url' }
  | { reason: 'scheme'; protocol: string }
  | { reason: 'credentials' }
  | { reason: 'no-host' };

/** The parsed URL when `raw` is an http(s) address without user name or password. */
export function parseHttpUrl(raw: string): Result<URL, HttpUrlProblem> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err({ reason: 'not-a-url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return err({ reason: 'scheme', protocol: url.protocol });
  if (url.username !== '' || url.password !== '') return err({ reason: 'credentials' });
  if (url.hostname === '') return err({ reason: 'no-host' });
  return ok(url);
}

const FORMAT_CHARS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** C0 controls except tab and newline, DEL, C1 controls, and bidi/zero-width format characters. */
export function isControl(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || FORMAT_CHARS.test(ch);
}

/** Why `raw` (typed by a person or read from OPML) is not an acceptable feed URL, or the normalised URL. */
export function checkFeedUrl(raw: string, maxLength = 2048): Result<string, string> {
  const text = raw.trim();
  if (text === '') return err('the address is empty');
  if (text.length > maxLength) return err(`the address is longer than ${maxLength} characters`);
  if (Array.from(text).some(isControl) || /\s/.test(text)) return err('the address contains spaces or control characters');
  const parsed = parseHttpUrl(text);
  if (parsed.ok) return ok(parsed.value.toString());
  switch (parsed.error.reason) {
    case 'not-a-url': return err('not a valid web address');
    case 'scheme': return err(`only http and https feeds are allowed, not ${parsed.error.protocol}`);
    case 'credentials': return err('addresses with a user name or password are refused');
    case 'no-host': return err('the address has no host');
  }
}

/** The host name of `url`, or `url` itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
