// Makes real-world feed text acceptable to a strict XML parser without changing its meaning:
// internal DTD entities expanded once (bounded, no recursion), HTML named entities turned into character
// references, bare ampersands escaped, XML-illegal control characters dropped. CDATA and comments are untouched.
// `closeOpenElements` is the recovery pass for truncated documents.
import { decodeHTMLStrict } from 'entities';
import { escapeXmlText } from '../core/xml-escape.js';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const PROTECTED = /(<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$))/;
const DOCTYPE = /<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/iy;
const ENTITY_DECL = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"&%<]*)"|'([^'&%<]*)')\s*>/g;
/** Elements rss-parser converts with `new Date().toISOString()` (which throws on bad dates): renamed, parsed by us. */
const DATE_ELEMENTS = /<(\/?)(published|updated)(?=[\s>/])/g;
/**
 * Feeds are XML, whose HTML entity names come from the XHTML 1.0 DTDs; HTML5 redefined these two (to U+27E8/9).
 * Every other XHTML 1.0 entity has the same value in the HTML5 table used below.
 */
const XHTML1_ENTITIES = new Map([['lang', '\u2329'], ['rang', '\u232A']]);
/** Cap on the text added by DTD entity expansion (defence against entity-expansion bombs). */
const MAX_EXPANSION = 1 << 20;

export interface Prepared {
  text: string;
  warnings: string[];
}

export function prepareXml(input: string): Prepared {
  const warnings: string[] = [];
  const entities = new Map<string, string>();
  const withoutDoctype = removeDoctype(input, (decl) => {
    for (const m of decl.matchAll(ENTITY_DECL)) entities.set(m[1] as string, m[2] ?? m[3] ?? '');
  });
  const budget = { left: MAX_EXPANSION };
  const text = withoutDoctype
    .split(PROTECTED)
    .map((part, i) => (i % 2 === 1 ? part : fixMarkup(part, entities, budget, warnings)))
    .join('');
  return { text, warnings: [...new Set(warnings)] };
}

/** Removes the DOCTYPE declaration of the prolog (only there: `<!DOCTYPE` in CDATA or text is content). */
function removeDoctype(input: string, onDeclaration: (decl: string) => void): string {
  DOCTYPE.lastIndex = prologEnd(input);
  const m = DOCTYPE.exec(input);
  if (!m) return input;
  onDeclaration(m[0]);
  return input.slice(0, m.index) + input.slice(m.index + m[0].length);
}

/** Index of the first thing after the leading whitespace, processing instructions and comments. */
function prologEnd(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    const close = text.startsWith('<?', i) ? '?>' : text.startsWith('<!--', i) ? '-->' : undefined;
    const end = close ? text.indexOf(close, i) : -1;
    if (end < 0) return i;
    i = end + (close as string).length;
  }
}

function fixMarkup(part: string, entities: Map<string, string>, budget: { left: number }, warnings: string[]): string {
  // eslint-disable-next-line no-control-regex
  const clean = part.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, () => {
    warnings.push('XML-illegal control characters removed');
    return '';
  });
  return clean
    .replace(/&(#\d+;|#x[0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)?/g, (whole, ref: string | undefined) =>
      fixReference(whole, ref, entities, budget, warnings),
    )
    .replace(DATE_ELEMENTS, '<$1sw-$2');
}

function fixReference(
  whole: string,
  ref: string | undefined,
  entities: Map<string, string>,
  budget: { left: number },
  warnings: string[],
): string {
  if (!ref) {
    warnings.push('bare "&" escaped');
    return '&amp;';
  }
  if (ref.startsWith('#')) return whole;
  const name = ref.slice(0, -1);
  if (XML_ENTITIES.has(name)) return whole;
  const declared = entities.get(name);
  if (declared !== undefined && budget.left >= declared.length) {
    budget.left -= declared.length;
    return escapeXmlText(declared);
  }
  const decoded = XHTML1_ENTITIES.get(name) ?? decodeHTMLStrict(whole);
  if (decoded !== whole) return [...decoded].map((ch) => `&#${ch.codePointAt(0)};`).join('');
  warnings.push(`undefined entity &${name}; kept as text`);
  return `&amp;${ref}`;
}


/**
 * Recovery for truncated or unclosed documents: drops an incomplete trailing tag and closes the elements left
 * open, in order. Returns undefined when there is nothing to close (the fault lies elsewhere).
 */
export function closeOpenElements(text: string): string | undefined {
  const cut = text.indexOf('<', text.lastIndexOf('>') + 1);
  const body = cut >= 0 ? text.slice(0, cut) : text;
  const stack: string[] = [];
  const scan = body.replace(PROTECTED_GLOBAL, '');
  for (const m of scan.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m as unknown as [string, string, string, string];
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
    }
  }
  if (!stack.length && body === text) return undefined;
  return body + stack.reverse().map((name) => `</${name}>`).join('');
}

const PROTECTED_GLOBAL = new RegExp(PROTECTED.source, 'g');
