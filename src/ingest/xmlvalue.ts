// Reading xml2js-shaped values (as rss-parser hands them over): strings, `{ _: text, $: attrs }`, arrays.
import { decodeHTML } from 'entities';

export type XmlValue = unknown;

/** Text content of an xml2js value; nested element text is concatenated. */
export function textOf(value: XmlValue): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return joinDefined(value.map(textOf));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== '$');
    return joinDefined(entries.map(([, child]) => textOf(child)));
  }
  return undefined;
}

function joinDefined(parts: (string | undefined)[]): string | undefined {
  const defined = parts.filter((p): p is string => p !== undefined);
  return defined.length ? defined.join('') : undefined;
}

/** Attributes of an xml2js element value. */
export function attrsOf(value: XmlValue): Record<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const attrs = (value as { $?: unknown }).$;
    if (attrs && typeof attrs === 'object') return attrs as Record<string, string>;
  }
  return {};
}

/** Trimmed text with HTML entities decoded (titles are often escaped twice); undefined when empty. */
export function cleanText(value: XmlValue): string | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  const cleaned = decodeHTML(text).trim();
  return cleaned || undefined;
}

/** Trimmed raw text (markup kept as the feed gave it); undefined when empty. */
export function rawText(value: XmlValue): string | undefined {
  const text = textOf(value)?.trim();
  return text || undefined;
}

export function asArray(value: XmlValue): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Resolves a relative reference against a base. Absolute references and unresolvable ones stay as given. */
export function resolveUrl(ref: string | undefined, base: string | undefined): string | undefined {
  const trimmed = ref?.trim();
  if (!trimmed) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return trimmed;
  }
}
