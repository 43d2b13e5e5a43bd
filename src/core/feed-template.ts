// Fills the placeholders of the bundled demo feeds (demo/feeds/*.xml, see demo/README.md) so their items
// are always dated in the recent past and link to the local demo server:
//   {{DAYS_AGO:n}}  -> RFC 822 date n days before `now` (n may be a decimal: 2.25 = 2 days 6 hours ago)
//   {{BASE_URL}}    -> the demo server's origin, e.g. http://127.0.0.1:43123
const TOKEN = /\{\{(?:DAYS_AGO:(\d+(?:\.\d+)?)|BASE_URL)\}\}/g;
const DAY_MS = 86_400_000;

/** The feed text with every placeholder replaced; the minute is kept, seconds are dropped. */
export function fillFeedTemplate(text: string, now: number, baseUrl: string): string {
  const origin = baseUrl.replace(/\/+$/, '');
  return text.replace(TOKEN, (_token, days: string | undefined) => {
    if (days === undefined) return origin;
    const at = Math.floor((now - Number(days) * DAY_MS) / 60_000) * 60_000;
    return new Date(at).toUTCString().replace('GMT', '+0000');
  });
}
