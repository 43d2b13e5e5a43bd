// Titles are plain text: markup stripped, entities decoded, whitespace collapsed. A title is read as HTML when
// its Atom type says so (html, xhtml, text/html, ...) or, when no type says it is plain text, when it looks like
// HTML by feedparser's rule (closing tags of known HTML elements, or entity references). Inline XHTML is
// already text once the XML parser has taken its elements apart. Base64 titles
// (Atom 0.3 mode="base64", Atom 1.0 non-text media types) are decoded first and then read the same way.
import { decodeHTML } from 'entities';
import { attrsOf, rawText, textOf, type XmlValue } from './xmlvalue.js';

/** HTML elements a title's markup may use (feedparser's acceptable elements, abridged to inline/text ones). */
const HTML_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'address', 'b', 'big', 'blockquote', 'br', 'center', 'cite', 'code', 'dd', 'del', 'dfn',
  'div', 'dl', 'dt', 'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);
const BLOCK = /^(address|blockquote|br|dd|div|dl|dt|h[1-6]|hr|li|ol|p|pre|table|tbody|td|tfoot|th|thead|tr|ul)$/i;

/** Plain title text of an xml2js title value; undefined when empty. */
export function titleText(value: XmlValue): string | undefined {
  const { mode, type } = attrsOf(value);
  const declared = type?.trim().toLowerCase();
  const binary = mode === 'base64' || (!!declared && !/^(text|html|xhtml)$|^text\/|[+/]xml$/.test(declared));
  const text = binary ? Buffer.from(rawText(value) ?? '', 'base64').toString('utf8') : textOf(value);
  if (text === undefined) return undefined;
  const html = declaresHtml(declared) || (!declaresText(declared) && looksLikeHtml(text));
  const plain = collapse(html ? htmlToText(text) : decodeHTML(text));
  return plain || undefined;
}

/** Escaped HTML: the markup is in the text. */
function declaresHtml(type: string | undefined): boolean {
  return type === 'html' || type === 'text/html';
}

/**
 * Literal characters: Atom `type="text"` / text/plain, and inline XHTML, whose markup the XML parser has
 * already taken apart (what is left is text, `&lt;` included).
 */
function declaresText(type: string | undefined): boolean {
  return !!type && /^(text|xhtml)$|^text\/plain$|^application\/xhtml\+xml$/.test(type);
}

/** feedparser's guess: a closing tag or an entity reference, and every tag a known HTML element. */
export function looksLikeHtml(text: string): boolean {
  if (!/<\/\w+>/.test(text) && !/&#?\w+;/.test(text)) return false;
  const tags = [...text.matchAll(/<\/?(\w+)/g)].map((m) => (m[1] as string).toLowerCase());
  return tags.every((tag) => HTML_ELEMENTS.has(tag));
}

/** Text content of an HTML fragment: comments, scripts and styles dropped, block boundaries kept as spaces. */
export function htmlToText(html: string): string {
  const withoutCode = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '');
  const text = withoutCode.replace(/<\/?([A-Za-z][\w:-]*)(?:[^<>"']|"[^<"]*"|'[^<']*')*>/g, (_, name: string) =>
    BLOCK.test(name) ? ' ' : '',
  );
  return decodeHTML(text);
}

/** One line of text: whitespace runs become one space, control characters (e.g. from base64 bytes) go. */
function collapse(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\s+/g, ' ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
}
