// Reading xml2js-shaped values (as rss-parser hands them over): strings, `{ _: text, $: attrs }`, arrays.
import { decodeHTML } from 'entities';

export type XmlValue = unknown;

/**
 * Text content of an xml2js value; nested element text is concatenated in document order. Iterative, so that a
 * hostile document nested tens of thousands of levels deep cannot overflow the stack.
 */
export function textOf(value: XmlValue): string | undefined {
  const parts: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length) {
    const next = stack.pop();
    if (typeof next === 'string') parts.push(next);
    else if (typeof next === 'number') parts.push(String(next));
    else if (Array.isArray(next)) pushReversed(stack, next);
    else if (next && typeof next === 'object') {
      pushReversed(stack, Object.entries(next as Record<string, unknown>).filter(([key]) => key !== '$').map(([, child]) => child));
    }
  }
  return parts.length ? parts.join('') : undefined;
}

function pushReversed(stack: unknown[], children: unknown[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
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
