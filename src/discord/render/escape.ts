// Untrusted text (feed titles, article sentences, user input echoed back) must not format or ping.

const MARKDOWN = /([\\*_~`|>#\-[\]()])/g;
const ZERO_WIDTH_SPACE = '\u200b';

/** Escapes Discord markdown so the text renders literally (including headings, lists, links and masked links). */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, '\\$1');
}

/**
 * Defuses mentions even where allowed_mentions would not apply: @everyone/@here, <@user>, <@&role>, <#channel>
 * and slash-command mentions get a zero-width space so they render as plain text.
 */
export function escapeMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, `@${ZERO_WIDTH_SPACE}$1`).replace(/<([@#/])/g, `<${ZERO_WIDTH_SPACE}$1`);
}

/**
 * C0/C1 control characters and the bidirectional embedding, override and isolate controls: invisible, and the
 * latter can make text read in another order than it is stored ("txt.exe" shown as "exe.txt").
 */
const CONTROLS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** Collapses whitespace (feed titles often carry newlines) and removes control and bidi-override characters. */
export function plainText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(CONTROLS, '').trim();
}

/** Plain text (see plainText) with markdown and mentions escaped. */
export function safeText(text: string): string {
  return escapeMentions(escapeMarkdown(plainText(text)));
}

/** A markdown link whose label is safe and whose URL cannot break out of the parentheses. */
export function safeLink(label: string, url: string): string {
  const href = url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${safeText(label)}](<${href}>)`;
}
