// Brings valid-but-unusual feed shapes to the shape rss-parser expects (it reads element names literally):
// RSS/Atom elements written with a namespace prefix (`<rss:item>`, `<r:rss>`) lose the prefix, and an `<rss>` or
// `<rdf:RDF>` document without a `<channel>` gets one (rss-parser throws a TypeError without it).

/** Namespaces whose elements rss-parser expects unprefixed. */
const FEED_NAMESPACES = new Set([
  'http://purl.org/rss/1.0/',
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://my.netscape.com/rdf/simple/0.9/',
  'http://www.w3.org/2005/Atom',
  'http://purl.org/atom/ns#',
]);
const PROTECTED = /(<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$))/;

export function reshapeFeed(text: string): string {
  const unprefixed = unprefixFeedElements(text);
  const root = rootName(unprefixed);
  return root === 'rss' || root === 'RDF' ? ensureChannel(unprefixed, root) : unprefixed;
}

/** Local name of the document element. */
export function rootName(text: string): string | undefined {
  const m = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  return m?.[2];
}

function unprefixFeedElements(text: string): string {
  const prefixes = new Set<string>();
  for (const m of text.matchAll(/\bxmlns:([A-Za-z_][\w.-]*)\s*=\s*["']([^"']*)["']/g)) {
    if (FEED_NAMESPACES.has(m[2] as string)) prefixes.add(m[1] as string);
  }
  if (!prefixes.size) return text;
  const tag = new RegExp(`<(/?)(?:${[...prefixes].map(escapeRegex).join('|')}):(?=[A-Za-z_])`, 'g');
  return text
    .split(PROTECTED)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(tag, '<$1')))
    .join('');
}

function ensureChannel(text: string, root: string): string {
  const scan = text.split(PROTECTED).filter((_, i) => i % 2 === 0).join('');
  if (/<channel[\s>/]/.test(scan)) return text;
  const open = /<((?:[\w.-]+:)?(?:rss|RDF))\b(?:[^<>"']|"[^<"]*"|'[^<']*')*>/.exec(text);
  if (!open) return text;
  const [tag, name] = open as unknown as [string, string];
  const before = text.slice(0, open.index);
  const after = text.slice(open.index + tag.length);
  if (tag.endsWith('/>')) return `${before}${tag.slice(0, -2)}><channel/></${name}>${after}`;
  if (root === 'RDF') return `${before}${tag}<channel/>${after}`;
  const closes = [...after.matchAll(new RegExp(`</${escapeRegex(name)}\\s*>`, 'g'))];
  const close = closes.at(-1)?.index ?? after.length;
  return `${before}${tag}<channel>${after.slice(0, close)}</channel>${after.slice(close)}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
